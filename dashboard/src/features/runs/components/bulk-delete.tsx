import { useState } from "react";
import type { PipelineRun } from "@/api/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteRuns } from "@/features/runs/api/delete-runs";
import { errorMessage } from "@/lib/api-client";
import { formatCount } from "@/lib/format";

export interface BulkDeleteProps {
  /** The selected runs (of the page shown). */
  runs: PipelineRun[];
  /** Called with the ids that are gone, so the selection can drop them. */
  onDeleted: (runIds: string[]) => void;
}

function plural(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "run" : "runs"}`;
}

/** "Delete N runs", a confirm dialog, progress while it runs and every failure after. */
export function BulkDelete({ runs, onDeleted }: BulkDeleteProps) {
  const [isConfirming, setConfirming] = useState(false);
  const deletion = useDeleteRuns();
  const confirm = () => {
    const chosen = runs.map((run) => ({ runId: run.id, runName: run.name }));
    deletion.mutate(chosen, {
      onSuccess: (result) => onDeleted(result.deleted),
      onSettled: () => setConfirming(false),
    });
  };
  const result = deletion.data;
  if (runs.length === 0 && !result && !deletion.isError) return null;
  return (
    <div className="row bulk-actions" aria-label="Bulk actions" role="toolbar">
      <span className="muted">{plural(runs.length)} selected</span>
      {runs.length > 0 ? (
        <button
          type="button"
          className="button small danger"
          disabled={runs.length === 0 || deletion.isPending}
          onClick={() => setConfirming(true)}
        >
          Delete {plural(runs.length)}
        </button>
      ) : null}
      {deletion.isPending && deletion.progress ? (
        <span role="status" className="muted">
          Deleting… {deletion.progress.done} of {deletion.progress.total}
        </span>
      ) : null}
      {result && !deletion.isPending && result.failed.length === 0 ? (
        <span role="status" className="muted">
          Deleted {plural(result.deleted.length)}.
        </span>
      ) : null}
      {result && result.failed.length > 0 ? (
        <div role="alert" className="callout failed bulk-errors">
          Could not delete {plural(result.failed.length)}:
          <ul>
            {result.failed.map((failure) => (
              <li key={failure.runId}>
                <strong>{failure.runName}</strong>: {failure.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {deletion.isError ? (
        <div role="alert" className="callout failed">
          {errorMessage(deletion.error)}
        </div>
      ) : null}
      {isConfirming ? (
        <ConfirmDialog
          title={`Delete ${plural(runs.length)}?`}
          confirmLabel={`Delete ${plural(runs.length)}`}
          isBusy={deletion.isPending}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Their step runs, logs and metadata are deleted too; the artifacts they made stay. This
            cannot be undone.
          </p>
          <ul className="dialog-list">
            {runs.slice(0, 8).map((run) => (
              <li key={run.id}>{run.name}</li>
            ))}
            {runs.length > 8 ? <li className="faint">and {runs.length - 8} more</li> : null}
          </ul>
          {deletion.progress && deletion.isPending ? (
            <progress
              aria-label="Deleting runs"
              value={deletion.progress.done}
              max={deletion.progress.total}
            />
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
