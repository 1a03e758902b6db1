import { formatOffset } from "@/features/run-timeline/lib/format-offset";
import { tickStep } from "@/features/run-timeline/lib/timeline-bars";

export interface TimelineAxisProps {
  totalMs: number;
  trackWidth: number;
}

/** Tick labels across the top of the timeline. */
export function TimelineAxis({ totalMs, trackWidth }: TimelineAxisProps) {
  const step = tickStep(totalMs, Math.max(2, Math.floor(trackWidth / 110)));
  const ticks: number[] = [];
  for (let t = 0; t <= totalMs; t += step) ticks.push(t);
  return (
    <div className="timeline-axis" style={{ width: trackWidth }} aria-hidden="true">
      {ticks.map((t) => (
        <span key={t} className="timeline-tick" style={{ left: (t / totalMs) * trackWidth }}>
          {formatOffset(t)}
        </span>
      ))}
    </div>
  );
}
