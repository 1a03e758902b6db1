import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useCreateStack } from "@/features/stacks/api/create-stack";
import { useComponents } from "@/features/stacks/api/list-components";
import { useFlavors } from "@/features/stacks/api/list-flavors";
import { StackForm } from "@/features/stacks/components/stack-form";
import { createBody } from "@/features/stacks/lib/stack-draft";

export const Route = createFileRoute("/stacks/new")({ component: NewStackPage });

function NewStackPage() {
  const components = useComponents();
  const flavors = useFlavors();
  const create = useCreateStack();
  const navigate = useNavigate();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/stacks">Stacks</Link> /
          </span>
          <h1>New stack</h1>
          <span className="subtitle">
            One component per type; an orchestrator and an artifact store at least.
          </span>
        </div>
      </div>
      <div className="card card-body">
        <QueryView query={components} loadingLabel="Loading components…">
          {(page) => (
            <StackForm
              initial={{ name: "", components: {} }}
              components={page.items}
              flavors={flavors.data ?? []}
              submitLabel="Create stack"
              isSaving={create.isPending}
              saveError={create.error}
              onSave={(draft) =>
                create.mutate(createBody(draft), {
                  onSuccess: (made) =>
                    void navigate({ to: "/stacks/$stackName", params: { stackName: made.name } }),
                })
              }
            />
          )}
        </QueryView>
      </div>
    </div>
  );
}
