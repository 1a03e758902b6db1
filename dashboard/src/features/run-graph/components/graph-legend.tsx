import { STATUS_STYLES, STATUSES } from "@/lib/status";

/** What the shapes and colours mean, in a corner of the graph. */
export function GraphLegend() {
  return (
    <section className="graph-legend" aria-label="Legend">
      <span className="row" style={{ gap: 4 }}>
        <span className="shape circle" aria-hidden="true" /> step
      </span>
      <span className="row" style={{ gap: 4 }}>
        <span className="shape square" aria-hidden="true" /> artifact
      </span>
      {STATUSES.map((status) => (
        <span key={status} className="row" style={{ gap: 4 }}>
          <span
            className="shape circle"
            style={{
              background: STATUS_STYLES[status].background,
              borderColor: STATUS_STYLES[status].colour,
            }}
            aria-hidden="true"
          />
          {STATUS_STYLES[status].label.toLowerCase()}
        </span>
      ))}
    </section>
  );
}
