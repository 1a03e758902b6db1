import { createFileRoute, Link } from "@tanstack/react-router";
import type { StackComponentType } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { useComponent } from "@/features/stacks/api/get-component";
import { useFlavors } from "@/features/stacks/api/list-flavors";
import { useStacks } from "@/features/stacks/api/list-stacks";
import { ComponentActions } from "@/features/stacks/components/component-actions";
import { ComponentHistory } from "@/features/stacks/components/component-history";
import { ComponentSettings } from "@/features/stacks/components/component-settings";
import { ComponentTypeIcon } from "@/features/stacks/components/component-type-icon";
import { ComponentVerify } from "@/features/stacks/components/component-verify";
import { COMPONENT_TYPES, parseComponentType } from "@/features/stacks/lib/component-types";
import { mayEditStacks } from "@/features/stacks/lib/permissions";
import { stacksUsing } from "@/features/stacks/lib/stack-search";
import { useCurrentUser } from "@/lib/current-user";
import { formatDateTime } from "@/lib/format";

interface ComponentSearch {
  type?: StackComponentType;
}

export const Route = createFileRoute("/components/$componentName")({
  validateSearch: (raw: Record<string, unknown>): ComponentSearch => {
    const type = parseComponentType(raw.type);
    return type ? { type } : {};
  },
  component: ComponentPage,
});

function ComponentPage() {
  const { componentName } = Route.useParams();
  const { type } = Route.useSearch();
  const component = useComponent(componentName, type);
  const flavors = useFlavors();
  const stacks = useStacks();
  const me = useCurrentUser();
  const mayEdit = mayEditStacks(me.data?.role);
  return (
    <div className="page">
      <QueryView
        query={component}
        loadingLabel="Loading the component…"
        errorTitle="Could not load this component"
      >
        {(data) => {
          const usedBy = stacksUsing(stacks.data?.items ?? [], data.id);
          const flavor = flavors.data?.find((f) => f.type === data.type && f.name === data.flavor);
          return (
            <>
              <div className="page-header">
                <div className="titles">
                  <span className="breadcrumb">
                    <Link to="/components">Components</Link> /
                  </span>
                  <h1 className="row">
                    <ComponentTypeIcon type={data.type} size="large" />
                    {data.name}
                  </h1>
                  <span className="subtitle">
                    {COMPONENT_TYPES[data.type].label} of flavor '{data.flavor}' · registered{" "}
                    {formatDateTime(data.created)}
                  </span>
                </div>
                <span className="spacer" />
                {mayEdit ? <ComponentActions component={data} usedBy={usedBy} /> : null}
              </div>
              <section className="card card-body section">
                <h2>Settings</h2>
                {flavor?.description ? <p className="muted">{flavor.description}</p> : null}
                <ComponentSettings component={data} flavor={flavor} />
              </section>
              {mayEdit && data.type === "artifact_store" ? (
                <section className="card card-body section">
                  <h2>Verify</h2>
                  <ComponentVerify component={data} />
                </section>
              ) : null}
              <section className="card card-body section">
                <h2>Stacks using it</h2>
                {usedBy.length === 0 ? (
                  <p className="muted">No stack uses it yet.</p>
                ) : (
                  <ul className="chips" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                    {usedBy.map((s) => (
                      <li key={s.id}>
                        <Link
                          to="/stacks/$stackName"
                          params={{ stackName: s.name }}
                          className="tag"
                        >
                          {s.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="section">
                <h2>History</h2>
                <div className="card">
                  <ComponentHistory componentId={data.id} />
                </div>
              </section>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
