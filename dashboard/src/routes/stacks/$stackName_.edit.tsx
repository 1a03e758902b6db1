import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useStack } from "@/features/stacks/api/get-stack";
import { useComponents } from "@/features/stacks/api/list-components";
import { useFlavors } from "@/features/stacks/api/list-flavors";
import { useUpdateStack } from "@/features/stacks/api/update-stack";
import { StackForm } from "@/features/stacks/components/stack-form";
import { draftOf, updateBody } from "@/features/stacks/lib/stack-draft";

export const Route = createFileRoute("/stacks/$stackName_/edit")({ component: EditStackPage });

function EditStackPage() {
  const { stackName } = Route.useParams();
  const stack = useStack(stackName);
  const components = useComponents();
  const flavors = useFlavors();
  const update = useUpdateStack();
  const navigate = useNavigate();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/stacks">Stacks</Link> /{" "}
            <Link to="/stacks/$stackName" params={{ stackName }}>
              {stackName}
            </Link>{" "}
            /
          </span>
          <h1>Edit stack</h1>
        </div>
      </div>
      <div className="card card-body">
        <QueryView
          query={stack}
          loadingLabel="Loading the stack…"
          errorTitle="Could not load this stack"
        >
          {(current) => (
            <QueryView query={components} loadingLabel="Loading components…">
              {(page) => (
                <StackForm
                  initial={draftOf(current)}
                  components={page.items}
                  flavors={flavors.data ?? []}
                  submitLabel="Save changes"
                  isSaving={update.isPending}
                  saveError={update.error}
                  onSave={(draft) =>
                    update.mutate(
                      { stackId: current.id, ...updateBody(current, draft) },
                      {
                        onSuccess: (changed) =>
                          void navigate({
                            to: "/stacks/$stackName",
                            params: { stackName: changed.name },
                          }),
                      },
                    )
                  }
                />
              )}
            </QueryView>
          )}
        </QueryView>
      </div>
    </div>
  );
}
