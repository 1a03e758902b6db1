export interface RequestedRunsProps {
  runIds: string[];
  onRemove: (runId: string) => void;
}

/** The runs the URL asks for, each removable: the way out of "no run 'x'". */
export function RequestedRuns({ runIds, onRemove }: RequestedRunsProps) {
  return (
    <div className="row compare-requested">
      <span className="muted">Runs asked for:</span>
      {runIds.map((id) => (
        <span key={id} className="tag row">
          <code>{id}</code>
          <button
            type="button"
            className="compare-icon"
            aria-label={`Remove ${id} from the comparison`}
            onClick={() => onRemove(id)}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  );
}
