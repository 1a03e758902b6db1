import { createFileRoute } from "@tanstack/react-router";
import { MetadataExplorer } from "@/features/metadata/components/metadata-explorer";
import { type ExplorerSearch, parseExplorerSearch } from "@/features/metadata/lib/explorer-search";

export const Route = createFileRoute("/metadata")({
  validateSearch: (raw: Record<string, unknown>): ExplorerSearch => parseExplorerSearch(raw),
  component: MetadataPage,
});

function MetadataPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Metadata</h1>
          <span className="subtitle">
            Every key logged on runs, steps, artifacts and models; open one to see its history.
          </span>
        </div>
      </div>
      <MetadataExplorer search={search} onChange={(next) => void navigate({ search: next })} />
    </div>
  );
}
