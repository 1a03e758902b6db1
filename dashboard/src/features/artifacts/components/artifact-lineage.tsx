import { Link } from "@tanstack/react-router";
import type { ArtifactVersion } from "@/api/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { useProducerStep } from "@/features/artifacts/api/get-producer-step";
import { ArtifactConsumers } from "@/features/artifacts/components/artifact-consumers";

export interface ArtifactLineageProps {
  artifact: ArtifactVersion;
  /** The run it is shown in, if any: that run's steps are marked. */
  runId?: string;
}

/** Where the artifact came from, and every step of any run that used it. */
export function ArtifactLineage({ artifact, runId }: ArtifactLineageProps) {
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
      <ArtifactConsumers artifactVersionId={artifact.id} runId={runId} />
    </section>
  );
}
