import { createFileRoute } from "@tanstack/react-router";
import { ArtifactCatalog } from "@/features/artifacts/components/artifact-catalog";
import { type CatalogSearch, parseCatalogSearch } from "@/features/artifacts/lib/catalog-search";

export const Route = createFileRoute("/artifacts/")({
  validateSearch: (raw: Record<string, unknown>): CatalogSearch => parseCatalogSearch(raw),
  component: ArtifactsPage,
});

function ArtifactsPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Artifacts</h1>
          <span className="subtitle">
            Every artifact with its latest version, type, tags and the run that made it.
          </span>
        </div>
      </div>
      <ArtifactCatalog search={search} onSearchChange={(next) => void navigate({ search: next })} />
    </div>
  );
}
