import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useComponents } from "@/features/stacks/api/list-components";
import { useStacks } from "@/features/stacks/api/list-stacks";
import {
  type ComponentFilter,
  ComponentFilters,
  filterComponents,
} from "@/features/stacks/components/component-filters";
import { ComponentsTable } from "@/features/stacks/components/components-table";
import { parseComponentType } from "@/features/stacks/lib/component-types";
import { mayEditStacks } from "@/features/stacks/lib/permissions";
import { useCurrentUser } from "@/lib/current-user";

export const Route = createFileRoute("/components/")({
  validateSearch: (raw: Record<string, unknown>): ComponentFilter => {
    const type = parseComponentType(raw.type);
    const flavor = typeof raw.flavor === "string" && raw.flavor ? raw.flavor : undefined;
    return { ...(type ? { type } : {}), ...(flavor ? { flavor } : {}) };
  },
  component: ComponentsPage,
});

function ComponentsPage() {
  const filter = Route.useSearch();
  const navigate = Route.useNavigate();
  const components = useComponents();
  const stacks = useStacks();
  const me = useCurrentUser();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Components</h1>
          <span className="subtitle">
            The parts stacks are made of, each of a type and a flavor.
          </span>
        </div>
        <span className="spacer" />
        {mayEditStacks(me.data?.role) ? (
          <Link
            to="/components/new"
            search={filter.type ? { type: filter.type } : {}}
            className="button primary"
          >
            Register component
          </Link>
        ) : null}
      </div>
      <QueryView
        query={components}
        loadingLabel="Loading components…"
        errorTitle="Could not load the components"
      >
        {(page) => {
          const shown = filterComponents(page.items, filter);
          return (
            <>
              <ComponentFilters
                components={page.items}
                filter={filter}
                onChange={(next) => void navigate({ search: next, replace: true })}
              />
              <div className="card">
                {shown.length === 0 ? (
                  <EmptyState title="No component matches">
                    Choose another type or flavor, or register one.
                  </EmptyState>
                ) : (
                  <ComponentsTable components={shown} stacks={stacks.data?.items ?? []} />
                )}
              </div>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
