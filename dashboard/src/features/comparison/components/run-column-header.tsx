import { Link } from "@tanstack/react-router";
import type { CSSProperties } from "react";
import type { ComparedRun } from "@/features/comparison/api/compare-runs";

export interface RunColumnHeaderProps {
  run: ComparedRun;
  isBaseline: boolean;
  style: CSSProperties;
  onBaseline: () => void;
  onRemove: () => void;
}

/** A run's column head: its name (a link), its pipeline, baseline and remove buttons. */
export function RunColumnHeader({
  run,
  isBaseline,
  style,
  onBaseline,
  onRemove,
}: RunColumnHeaderProps) {
  return (
    <th scope="col" className={`compare-run${isBaseline ? " baseline" : ""}`} style={style}>
      <div className="compare-run-name">
        <Link to="/runs/$runId" params={{ runId: run.id }} title={run.name}>
          {run.name}
        </Link>
        <button
          type="button"
          className="compare-icon"
          aria-label={`Remove ${run.name} from the comparison`}
          title="Remove from the comparison"
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      <div className="compare-run-meta">
        {isBaseline ? (
          <span className="compare-baseline-mark">baseline</span>
        ) : (
          <button
            type="button"
            className="compare-link"
            onClick={onBaseline}
            aria-label={`Use ${run.name} as the baseline`}
          >
            set as baseline
          </button>
        )}
        <span className="faint compare-pipeline">{run.pipeline_name}</span>
      </div>
    </th>
  );
}
