import { createFileRoute, Link } from "@tanstack/react-router";
import type { StackComponentType } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { useComponent } from "@/features/stacks/api/get-component";
import { useFlavors } from "@/features/stacks/api/list-flavors";
import { EditComponent } from "@/features/stacks/components/edit-component";
import { parseComponentType } from "@/features/stacks/lib/component-types";
import { mayChangeSecrets } from "@/features/stacks/lib/permissions";
import { useCurrentUser } from "@/lib/current-user";

interface EditSearch {
  type?: StackComponentType;
}

export const Route = createFileRoute("/components/$componentName_/edit")({
  validateSearch: (raw: Record<string, unknown>): EditSearch => {
    const type = parseComponentType(raw.type);
    return type ? { type } : {};
  },
  component: EditComponentPage,
});

function EditComponentPage() {
  const { componentName } = Route.useParams();
  const { type } = Route.useSearch();
  const component = useComponent(componentName, type);
  const flavors = useFlavors();
  const me = useCurrentUser();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/components">Components</Link> /{" "}
            <Link
              to="/components/$componentName"
              params={{ componentName }}
              search={type ? { type } : {}}
            >
              {componentName}
            </Link>{" "}
            /
          </span>
          <h1>Edit component</h1>
        </div>
      </div>
      <div className="card card-body">
        <QueryView
          query={component}
          loadingLabel="Loading the component…"
          errorTitle="Could not load this component"
        >
          {(data) => (
            <QueryView query={flavors} loadingLabel="Loading the flavors…">
              {(all) => (
                <EditComponent
                  key={data.id}
                  component={data}
                  flavor={all.find((f) => f.type === data.type && f.name === data.flavor)}
                  maySetSecrets={mayChangeSecrets(me.data?.role)}
                />
              )}
            </QueryView>
          )}
        </QueryView>
      </div>
    </div>
  );
}
