import { createFileRoute } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useArtifactVersion } from "@/features/artifacts/api/get-artifact-version";
import { ArtifactDetails } from "@/features/artifacts/components/artifact-details";

export const Route = createFileRoute("/artifacts/$artifactVersionId")({ component: ArtifactPage });

function ArtifactPage() {
  const { artifactVersionId } = Route.useParams();
  const artifact = useArtifactVersion(artifactVersionId);
  return (
    <div className="page">
      <QueryView
        query={artifact}
        loadingLabel="Loading the artifact…"
        errorTitle="Could not load this artifact"
      >
        {(data) => (
          <>
            <div className="page-header">
              <div className="titles">
                <span className="breadcrumb">Artifacts /</span>
                <h1>
                  <span className="shape square" aria-hidden="true" /> {data.artifact_name}{" "}
                  <span className="faint">version {data.version}</span>
                </h1>
              </div>
            </div>
            <div className="card card-body">
              <ArtifactDetails artifact={data} />
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
