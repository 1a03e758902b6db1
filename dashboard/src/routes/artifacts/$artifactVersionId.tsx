import { createFileRoute } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useArtifactVersion } from "@/features/artifacts/api/get-artifact-version";
import { ArtifactDetails } from "@/features/artifacts/components/artifact-details";
import { VersionComparison } from "@/features/artifacts/components/version-comparison";
import { VersionPicker } from "@/features/artifacts/components/version-picker";
import {
  parseVersionPageSearch,
  type VersionPageSearch,
} from "@/features/artifacts/lib/version-page-search";

export const Route = createFileRoute("/artifacts/$artifactVersionId")({
  validateSearch: (raw: Record<string, unknown>): VersionPageSearch => parseVersionPageSearch(raw),
  component: ArtifactPage,
});

function ArtifactPage() {
  const { artifactVersionId } = Route.useParams();
  const { compare, diff } = Route.useSearch();
  const navigate = Route.useNavigate();
  const artifact = useArtifactVersion(artifactVersionId);
  const compareWith = (id: string | undefined) =>
    void navigate({ search: id ? { compare: id } : {}, replace: true });
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
              <span className="spacer" />
              <VersionPicker artifact={data} value={compare} onChange={compareWith} />
              {compare ? (
                <button type="button" className="button" onClick={() => compareWith(undefined)}>
                  Close the comparison
                </button>
              ) : null}
            </div>
            <div className="card card-body">
              {compare && compare !== data.id ? (
                <VersionComparison
                  artifact={data}
                  otherId={compare}
                  isDiffOnly={diff === true}
                  onDiffOnly={(isDiffOnly) =>
                    void navigate({
                      search: { compare, diff: isDiffOnly ? true : undefined },
                      replace: true,
                    })
                  }
                />
              ) : (
                <ArtifactDetails artifact={data} />
              )}
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
