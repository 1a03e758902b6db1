import { createFileRoute } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useArtifact } from "@/features/artifacts/api/get-artifact";
import { ArtifactOverview } from "@/features/artifacts/components/artifact-overview";
import {
  type ArtifactPageSearch,
  parseArtifactPageSearch,
} from "@/features/artifacts/lib/artifact-page-search";

export const Route = createFileRoute("/artifacts/series/$artifactId")({
  validateSearch: (raw: Record<string, unknown>): ArtifactPageSearch =>
    parseArtifactPageSearch(raw),
  component: ArtifactSeriesPage,
});

function ArtifactSeriesPage() {
  const { artifactId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const artifact = useArtifact(artifactId);
  return (
    <div className="page">
      <QueryView
        query={artifact}
        loadingLabel="Loading the artifact…"
        errorTitle="Could not load this artifact"
      >
        {(data) => (
          <ArtifactOverview
            artifact={data}
            search={search}
            onSearchChange={(next) => void navigate({ search: next, replace: true })}
          />
        )}
      </QueryView>
    </div>
  );
}
