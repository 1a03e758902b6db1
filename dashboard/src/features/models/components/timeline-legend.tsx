/** What the timeline's bars and glyphs mean. */
export function TimelineLegend() {
  return (
    <div className="timeline-legend" aria-hidden="true">
      <span>
        <span style={{ color: "var(--text-muted)" }}>●</span> applied
      </span>
      <span>
        <span style={{ color: "var(--status-failed)" }}>✕</span> refused
      </span>
      <span>
        <span style={{ color: "var(--text-faint)" }}>○</span> rule did not promote
      </span>
      <span>
        <span style={{ color: "var(--text-muted)" }}>◇</span> approval requested
      </span>
      <span>
        <span style={{ color: "var(--status-cached)" }}>◆</span> approved
      </span>
      <span>
        <span style={{ color: "var(--status-failed)" }}>◆</span> rejected
      </span>
      <span>bars: the version holding the stage; click one to open it</span>
    </div>
  );
}
