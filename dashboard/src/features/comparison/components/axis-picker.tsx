import { useState } from "react";
import type { ChartAxis } from "@/features/comparison/lib/chart-axes";
import { MAX_AXES } from "@/features/comparison/lib/compare-search";

export interface AxisPickerProps {
  candidates: ChartAxis[];
  chosen: string[];
  onChange: (axisIds: string[]) => void;
}

/** Which rows are axes: a searchable checklist, differing rows first, up to 30. */
export function AxisPicker({ candidates, chosen, onChange }: AxisPickerProps) {
  const [text, setText] = useState("");
  const needle = text.trim().toLowerCase();
  const shown = candidates.filter((axis) => axis.name.toLowerCase().includes(needle)).slice(0, 200);
  const toggle = (id: string) =>
    onChange(
      chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id].slice(0, MAX_AXES),
    );
  return (
    <details className="compare-axes">
      <summary className="button small">
        Axes ({chosen.length} of up to {MAX_AXES})
      </summary>
      <div className="compare-axes-panel">
        <input
          className="input"
          type="search"
          aria-label="Find a row to draw as an axis"
          placeholder="Find a row…"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <fieldset aria-label="Axes" className="compare-axes-list">
          {shown.map((axis) => (
            <label key={axis.id} className="row">
              <input
                type="checkbox"
                checked={chosen.includes(axis.id)}
                onChange={() => toggle(axis.id)}
              />
              <span>{axis.name}</span>
              <span className="faint">
                {axis.row.group}
                {axis.kind === "category" ? ` · ${axis.categories.length} values` : ""}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
