import { PageNav } from "@/components/ui/page-nav";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useArtifacts } from "@/features/artifacts/api/list-artifacts";
import { ArtifactsTable } from "@/features/artifacts/components/artifacts-table";
import { CatalogFilters } from "@/features/artifacts/components/catalog-filters";
import { type CatalogSearch, hasCatalogFilters } from "@/features/artifacts/lib/catalog-search";
import { formatCount } from "@/lib/format";

export interface ArtifactCatalogProps {
  search: CatalogSearch;
  onSearchChange: (next: CatalogSearch) => void;
}

/** Filters, the artifacts table and its pages: the whole catalog view. */
export function ArtifactCatalog({ search, onSearchChange }: ArtifactCatalogProps) {
  const artifacts = useArtifacts(search);
  return (
    <div className="section">
      <CatalogFilters search={search} onChange={onSearchChange} />
      <div className="card">
        <QueryView
          query={artifacts}
          loadingLabel="Loading artifacts…"
          errorTitle="Could not load the artifacts"
        >
          {(page) =>
            page.items.length === 0 ? (
              hasCatalogFilters(search) ? (
                <EmptyState title="No artifact matches these filters">
                  <button type="button" className="button" onClick={() => onSearchChange({})}>
                    Clear filters
                  </button>
                </EmptyState>
              ) : (
                <EmptyState title="No artifacts yet">
                  Every value a step returns is saved as an artifact: run a pipeline (or{" "}
                  <code>make demo</code>) and its outputs appear here.
                </EmptyState>
              )
            ) : (
              <ArtifactsTable
                artifacts={page.items}
                search={search}
                onSearchChange={onSearchChange}
              />
            )
          }
        </QueryView>
      </div>
      {artifacts.data && artifacts.data.total > 0 ? (
        <div className="row" style={{ justifyContent: "space-between" }}>
          <span className="muted">
            {formatCount(artifacts.data.total)}{" "}
            {artifacts.data.total === 1 ? "artifact" : "artifacts"}
          </span>
          <PageNav
            page={artifacts.data.index}
            totalPages={artifacts.data.total_pages}
            onPage={(page) => onSearchChange({ ...search, page: page > 1 ? page : undefined })}
            label="Pages of artifacts"
          />
        </div>
      ) : null}
    </div>
  );
}
