import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import type { RunDag } from "@/api/types";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { EmptyState } from "@/components/ui/states";
import { TimelineAxis } from "@/features/run-timeline/components/timeline-axis";
import { TimelineRow } from "@/features/run-timeline/components/timeline-row";
import { criticalPath, upstreamSteps } from "@/features/run-timeline/lib/critical-path";
import { buildTimeline } from "@/features/run-timeline/lib/timeline-bars";
import { useNow } from "@/features/run-timeline/lib/use-now";
import { formatDuration } from "@/lib/format";
import { STATUS_STYLES } from "@/lib/status";

export interface RunTimelineProps {
  dag: RunDag;
  selectedStepId: string | null;
  onSelectStep: (stepRunId: string) => void;
}

const ROW_HEIGHT = 26;
const NAME_WIDTH = 240;
const ZOOMS = ["1", "2", "4", "8", "16", "32"] as const;
type Zoom = (typeof ZOOMS)[number];

function parseTime(iso: string | null): number | null {
  return iso ? Date.parse(iso) : null;
}

/** A Gantt chart of the run: one bar per step, critical path outlined, zoomable, virtualized. */
export function RunTimeline({ dag, selectedStepId, onSelectStep }: RunTimelineProps) {
  const isLive = !STATUS_STYLES[dag.run.status].isFinished;
  const now = useNow(isLive);
  const [zoom, setZoom] = useState<Zoom>("1");
  const scroller = useRef<HTMLElement>(null);
  const critical = useMemo(() => {
    const timed = dag.steps.map((s) => ({
      id: s.id,
      startMs: parseTime(s.started),
      endMs: parseTime(s.ended),
    }));
    return new Set(criticalPath(timed, upstreamSteps(dag.edges)));
  }, [dag]);
  const timeline = useMemo(() => buildTimeline(dag.steps, critical, now), [dag, critical, now]);
  const rows = useVirtualizer({
    count: timeline.bars.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const baseWidth = Math.max(400, (scroller.current?.clientWidth ?? 1000) - NAME_WIDTH - 24);
  const trackWidth = baseWidth * Number(zoom);
  if (timeline.bars.length === 0) {
    return (
      <EmptyState title="No step has started yet">Bars appear here as steps start.</EmptyState>
    );
  }
  const criticalMs = timeline.bars
    .filter((b) => b.isCritical)
    .reduce((sum, b) => sum + b.durationMs, 0);
  return (
    <div className="timeline">
      <div className="timeline-toolbar row">
        <SegmentedControl
          label="Time zoom"
          options={ZOOMS.map((z) => ({ id: z, label: `${z}×` }))}
          value={zoom}
          onChange={setZoom}
        />
        <span className="row muted">
          <span className="critical-swatch" aria-hidden="true" /> Critical path: {critical.size}{" "}
          steps, {formatDuration(criticalMs / 1000)} of {formatDuration(timeline.totalMs / 1000)}
        </span>
      </div>
      <section ref={scroller} className="timeline-scroll" aria-label="Run timeline">
        <div className="timeline-header" style={{ width: NAME_WIDTH + trackWidth }}>
          <div className="timeline-name-head" style={{ width: NAME_WIDTH }}>
            Step
          </div>
          <TimelineAxis totalMs={timeline.totalMs} trackWidth={trackWidth} />
        </div>
        <div
          style={{
            height: rows.getTotalSize(),
            width: NAME_WIDTH + trackWidth,
            position: "relative",
          }}
        >
          {rows.getVirtualItems().map((item) => {
            const bar = timeline.bars[item.index];
            if (!bar) return null;
            return (
              <TimelineRow
                key={bar.id}
                bar={bar}
                top={item.start}
                height={ROW_HEIGHT}
                nameWidth={NAME_WIDTH}
                scale={trackWidth / timeline.totalMs}
                isSelected={bar.id === selectedStepId}
                onSelect={() => onSelectStep(bar.id)}
              />
            );
          })}
        </div>
      </section>
    </div>
  );
}
