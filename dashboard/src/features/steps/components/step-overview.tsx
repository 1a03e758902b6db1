import { Link } from "@tanstack/react-router";
import type { StepRun } from "@/api/types";
import { KeyValues } from "@/components/ui/key-values";
import { StatusBadge } from "@/components/ui/status-badge";
import { CacheExplanation } from "@/features/steps/components/cache-explanation";
import {
  formatBytes,
  formatDateTime,
  formatDuration,
  formatValue,
  secondsBetween,
} from "@/lib/format";

export interface StepOverviewProps {
  step: StepRun;
  onOpenLogs: () => void;
  onSelectArtifact: (artifactVersionId: string) => void;
}

function ArtifactLinks({
  items,
  onSelect,
}: {
  items: Record<string, string>;
  onSelect: (id: string) => void;
}) {
  const entries = Object.entries(items);
  if (entries.length === 0) return <span className="faint">none</span>;
  return (
    <span className="row">
      {entries.map(([name, id]) => (
        <button key={name} type="button" className="button small" onClick={() => onSelect(id)}>
          <span className="shape square" aria-hidden="true" /> {name}
        </button>
      ))}
    </span>
  );
}

/** Status, times, resources, cache decision, failure, parameters, inputs and outputs. */
export function StepOverview({ step, onOpenLogs, onSelectArtifact }: StepOverviewProps) {
  const parameters = Object.entries(step.parameters);
  return (
    <div className="section" style={{ gap: 14 }}>
      {step.exception ? (
        <section className="section" aria-label="Error">
          <div className="row">
            <h3 className="grow">Error</h3>
            <button type="button" className="button small" onClick={onOpenLogs}>
              Open logs
            </button>
          </div>
          <pre className="code traceback">{step.exception}</pre>
        </section>
      ) : null}
      <KeyValues
        items={[
          ["Status", <StatusBadge key="s" status={step.status} />],
          ["Started", formatDateTime(step.started)],
          ["Ended", formatDateTime(step.ended)],
          ["Duration", formatDuration(secondsBetween(step.started, step.ended))],
          ["CPU time", step.cpu_seconds === null ? "—" : formatDuration(step.cpu_seconds)],
          ["Peak memory", formatBytes(step.peak_memory_bytes)],
          ["Inputs", <ArtifactLinks key="i" items={step.inputs} onSelect={onSelectArtifact} />],
          ["Outputs", <ArtifactLinks key="o" items={step.outputs} onSelect={onSelectArtifact} />],
        ]}
      />
      {step.original_step_run_id ? (
        <div className="muted">
          Reused the outputs of{" "}
          <Link to="/steps/$stepRunId" params={{ stepRunId: step.original_step_run_id }}>
            an earlier step run
          </Link>
          .
        </div>
      ) : null}
      <CacheExplanation step={step} />
      <section className="section" aria-label="Parameters">
        <h3>Parameters</h3>
        {parameters.length === 0 ? (
          <span className="faint">This step takes no parameters.</span>
        ) : (
          <KeyValues
            items={parameters.map(([key, value]) => [
              key,
              <code key={key}>{formatValue(value)}</code>,
            ])}
          />
        )}
      </section>
    </div>
  );
}
