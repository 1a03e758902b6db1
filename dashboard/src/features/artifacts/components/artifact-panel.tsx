import { Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useArtifactVersion } from "@/features/artifacts/api/get-artifact-version";
import { ArtifactDetails } from "@/features/artifacts/components/artifact-details";

export interface ArtifactPanelProps {
  artifactVersionId: string;
  /** The run the panel is shown in: its steps are marked in the lineage. */
  runId?: string;
  onClose: () => void;
}

/** The artifact beside the run graph, with a link to its own page. */
export function ArtifactPanel({ artifactVersionId, runId, onClose }: ArtifactPanelProps) {
  const artifact = useArtifactVersion(artifactVersionId);
  return (
    <aside className="side-panel" aria-label="Artifact details">
      <QueryView
        query={artifact}
        loadingLabel="Loading the artifact…"
        errorTitle="Could not load this artifact"
      >
        {(data) => (
          <>
            <header className="panel-header">
              <span className="shape square" aria-hidden="true" />
              <h2 className="grow ellipsis" title={data.artifact_name}>
                {data.artifact_name} <span className="faint">v{data.version}</span>
              </h2>
              <Link
                className="button small"
                to="/artifacts/$artifactVersionId"
                params={{ artifactVersionId: data.id }}
              >
                Open page
              </Link>
              <button
                type="button"
                className="button small icon-button"
                onClick={onClose}
                aria-label="Close artifact details"
              >
                ✕
              </button>
            </header>
            <div className="panel-body">
              <ArtifactDetails artifact={data} runId={runId} />
            </div>
          </>
        )}
      </QueryView>
    </aside>
  );
}
