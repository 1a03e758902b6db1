import type { ChartAxis } from "@/features/comparison/lib/chart-axes";

export interface AxisSelectProps {
  label: string;
  candidates: ChartAxis[];
  value: string | undefined;
  onChange: (axisId: string | undefined) => void;
  /** The choice meaning "none", if there is one. */
  noneLabel?: string;
}

/** One row to chart, picked from the rows that can be axes. */
export function AxisSelect({ label, candidates, value, onChange, noneLabel }: AxisSelectProps) {
  return (
    <label className="row compare-select">
      <span className="muted">{label}</span>
      <select
        className="select"
        aria-label={label}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
        {candidates.map((axis) => (
          <option key={axis.id} value={axis.id}>
            {axis.name} ({axis.row.group})
          </option>
        ))}
      </select>
    </label>
  );
}
