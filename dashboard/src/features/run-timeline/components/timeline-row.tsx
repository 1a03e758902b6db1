import type { TimelineBar } from "@/features/run-timeline/lib/timeline-bars";
import { formatDuration } from "@/lib/format";
import { STATUS_STYLES } from "@/lib/status";

export interface TimelineRowProps {
  bar: TimelineBar;
  top: number;
  height: number;
  nameWidth: number;
  /** Pixels per millisecond. */
  scale: number;
  isSelected: boolean;
  onSelect: () => void;
}

/** One step: its name (a button, for keyboard and screen readers) and its bar. */
export function TimelineRow({
  bar,
  top,
  height,
  nameWidth,
  scale,
  isSelected,
  onSelect,
}: TimelineRowProps) {
  const style = STATUS_STYLES[bar.status];
  const label = `${bar.name}: ${style.label}, ${formatDuration(bar.durationMs / 1000)}${bar.isCritical ? ", on the critical path" : ""}`;
  return (
    <div className={`timeline-row${isSelected ? " selected" : ""}`} style={{ top, height }}>
      <button
        type="button"
        className="timeline-name"
        style={{ width: nameWidth }}
        onClick={onSelect}
        aria-label={label}
        aria-pressed={isSelected}
      >
        {bar.isCritical ? <span className="critical-mark" aria-hidden="true" /> : null}
        <span className="grow ellipsis">{bar.name}</span>
        <span className="faint">
          {bar.hasStarted ? formatDuration(bar.durationMs / 1000) : "waiting"}
        </span>
      </button>
      <div className="timeline-track" aria-hidden="true">
        {bar.hasStarted ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the name button is the accessible control
          // biome-ignore lint/a11y/useKeyWithClickEvents: the name button handles the keyboard
          <div
            className={`timeline-bar${bar.isCritical ? " critical" : ""}${bar.status === "running" ? " running" : ""}`}
            title={label}
            onClick={onSelect}
            style={{
              left: bar.offsetMs * scale,
              width: Math.max(3, bar.durationMs * scale),
              background: style.colour,
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
