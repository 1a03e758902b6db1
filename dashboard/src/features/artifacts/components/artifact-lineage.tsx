import { Link } from "@tanstack/react-router";
import type { ArtifactVersion } from "@/api/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { useProducerStep } from "@/features/artifacts/api/get-producer-step";

export interface ArtifactConsumer {
  stepRunId: string;
  name: string;
}

export interface ArtifactLineageProps {
  artifact: ArtifactVersion;
  /** Steps of the current run that read this artifact, when shown inside a run. */
  consumers?: ArtifactConsumer[];
}

/** Where the artifact came from, and which steps used it. */
export function ArtifactLineage({ artifact, consumers }: ArtifactLineageProps) {
  const producer = useProducerStep(artifact.producer_step_run_id);
  return (
    <section className="section" aria-label="Lineage">
      <h3>Lineage</h3>
      <div className="row">
        <span className="muted">Made by</span>
        {artifact.producer_step_run_id === null ? (
          <span className="faint">no step (saved by hand)</span>
        ) : null}
        {producer.data ? (
          <>
            <Link
              to="/runs/$runId"
              params={{ runId: producer.data.run_id }}
              search={{ step: producer.data.id }}
            >
              <span className="shape circle" aria-hidden="true" /> {producer.data.name}
            </Link>
            <StatusBadge status={producer.data.status} />
          </>
        ) : null}
      </div>
      {consumers ? (
        <div className="row">
          <span className="muted">Used by</span>
          {consumers.length === 0 ? <span className="faint">no step of this run</span> : null}
          {consumers.map((consumer) => (
            <Link
              key={consumer.stepRunId}
              to="/steps/$stepRunId"
              params={{ stepRunId: consumer.stepRunId }}
            >
              <span className="shape circle" aria-hidden="true" /> {consumer.name}
            </Link>
          ))}
        </div>
      ) : null}
    </section>
  );
}
