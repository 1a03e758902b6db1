import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useModels } from "@/features/models/api/list-models";
import { ModelsTable } from "@/features/models/components/models-table";
import { parseModelListSearch } from "@/features/models/lib/model-list-search";

export const Route = createFileRoute("/models/")({
  validateSearch: parseModelListSearch,
  component: ModelsPage,
});

function ModelsPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const models = useModels(search);
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Models</h1>
          <span className="subtitle">
            Each model with its latest version and the versions in production and staging.
          </span>
        </div>
        <span className="spacer" />
        <Link className="button" to="/approvals">
          Approvals
        </Link>
        <input
          className="input"
          type="search"
          aria-label="Search models by name"
          placeholder="Search models…"
          defaultValue={search.q ?? ""}
          onChange={(event) =>
            void navigate({
              search: { ...search, q: event.target.value || undefined },
              replace: true,
            })
          }
        />
      </div>
      <div className="card">
        <QueryView
          query={models}
          loadingLabel="Loading models…"
          errorTitle="Could not load the models"
        >
          {(page) =>
            page.items.length === 0 ? (
              search.q ? (
                <EmptyState title={`No model's name contains '${search.q}'`}>
                  Clear the search to see every model.
                </EmptyState>
              ) : (
                <EmptyState title="No models yet">
                  Give a pipeline <code>model=Model(name="iris")</code> and run it: each run makes a
                  version of the model, shown here.
                </EmptyState>
              )
            ) : (
              <ModelsTable
                models={page.items}
                sort={search.sort}
                onSortChange={(sort) => void navigate({ search: { ...search, sort } })}
              />
            )
          }
        </QueryView>
      </div>
    </div>
  );
}
