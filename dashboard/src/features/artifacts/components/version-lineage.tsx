import { Link } from "@tanstack/react-router";
import { LoadingState } from "@/components/ui/states";
import { useArtifactVersion } from "@/features/artifacts/api/get-artifact-version";
import { useProducers } from "@/features/artifacts/api/list-producers";
import { ArtifactConsumers } from "@/features/artifacts/components/artifact-consumers";
import { TagEditor } from "@/features/artifacts/components/tag-editor";

export interface VersionLineageProps {
  artifactVersionId: string;
  artifactId: string;
}

function MadeBy({ stepRunId }: { stepRunId: string | null }) {
  const producers = useProducers(stepRunId ? [stepRunId] : []);
  const producer = stepRunId ? producers.data?.get(stepRunId) : undefined;
  if (!stepRunId) return <span className="muted">Made by a step run that was deleted.</span>;
  if (!producer) return <span className="faint">Loading the step that made it…</span>;
  return (
    <section className="row" aria-label="Made by">
      <span className="muted">Made by</span>
      <Link to="/runs/$runId" params={{ runId: producer.runId }} search={{ step: stepRunId }}>
        <span className="shape circle" aria-hidden="true" /> {producer.stepName}
      </Link>
      <span className="muted">in</span>
      <Link to="/runs/$runId" params={{ runId: producer.runId }}>
        {producer.runName}
      </Link>
    </section>
  );
}

/** Lineage across runs of one version: the run that made it, the runs that read it. */
export function VersionLineage({ artifactVersionId, artifactId }: VersionLineageProps) {
  const version = useArtifactVersion(artifactVersionId);
  if (!version.data) return <LoadingState label="Loading the version…" />;
  const label = `version ${version.data.version}`;
  return (
    <section className="section" aria-label={`Lineage of ${label}`}>
      <h3 style={{ margin: 0 }}>
        Version {version.data.version}{" "}
        <Link
          to="/artifacts/$artifactVersionId"
          params={{ artifactVersionId }}
          className="faint"
          style={{ fontSize: 13, fontWeight: 400 }}
        >
          open version →
        </Link>
      </h3>
      <MadeBy stepRunId={version.data.producer_step_run_id} />
      <ArtifactConsumers artifactVersionId={artifactVersionId} />
      <TagEditor
        target="artifact_version"
        targetId={artifactVersionId}
        artifactId={artifactId}
        tags={version.data.tags}
        label={label}
      />
    </section>
  );
}
