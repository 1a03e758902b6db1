import { Link } from "@tanstack/react-router";
import type { ExecutionStatus, RunDag } from "@/api/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { StatusDot } from "@/components/ui/status-dot";
import { formatDateTime, formatDuration, secondsBetween } from "@/lib/format";
import { latestAttempts } from "@/lib/latest-attempts";
import { STATUS_STYLES, STATUSES } from "@/lib/status";

export interface RunHeaderProps {
  dag: RunDag;
  onSelectStep: (stepRunId: string) => void;
}

function countByStatus(dag: RunDag): Record<ExecutionStatus, number> {
  const counts: Record<ExecutionStatus, number> = {
    initializing: 0,
    running: 0,
    completed: 0,
    cached: 0,
    failed: 0,
    stopped: 0,
  };
  for (const step of dag.steps) counts[step.status] += 1;
  counts.initializing += dag.pending_steps.length;
  return counts;
}

/** The run's name, status, pipeline, times and step counts, and its failure up front. */
export function RunHeader({ dag: recorded, onSelectStep }: RunHeaderProps) {
  const { run } = recorded;
  // A retried step counts once, as its latest attempt: failed attempts before a success
  // do not fail the run.
  const dag = latestAttempts(recorded);
  const counts = countByStatus(dag);
  const failed = dag.steps.filter((s) => s.status === "failed");
  return (
    <div className="run-header">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/runs">Runs</Link> /{" "}
            <Link to="/pipelines/$pipelineId" params={{ pipelineId: run.pipeline_id }}>
              {run.pipeline_name}
            </Link>{" "}
            /
          </span>
          <div className="row">
            <h1>{run.name}</h1>
            <StatusBadge status={run.status} />
          </div>
          <span className="subtitle">
            <span>Created {formatDateTime(run.created)}</span>
            <span>Duration {formatDuration(secondsBetween(run.started, run.ended))}</span>
            <span>Orchestrator {run.orchestrator}</span>
            {run.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        </div>
        <span className="spacer" />
        <ul className="step-counts" aria-label="Steps by status">
          {STATUSES.filter((s) => counts[s] > 0).map((status) => (
            <li key={status}>
              <StatusDot status={status} /> {counts[status]}{" "}
              {STATUS_STYLES[status].label.toLowerCase()}
            </li>
          ))}
        </ul>
      </div>
      {failed.length > 0 || run.exception ? (
        <div className="callout failed row" role="alert">
          <strong>This run failed.</strong>
          {failed.map((step) => (
            <button
              key={step.id}
              type="button"
              className="button small"
              onClick={() => onSelectStep(step.id)}
            >
              Show error of step {step.name}
            </button>
          ))}
          {failed.length === 0 && run.exception ? (
            <code className="ellipsis grow">{run.exception.split("\n").at(-2)}</code>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
