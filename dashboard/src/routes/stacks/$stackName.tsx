import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useActiveStack } from "@/features/stacks/api/get-active-stack";
import { useStack } from "@/features/stacks/api/get-stack";
import { StackActions } from "@/features/stacks/components/stack-actions";
import { StackDrawing } from "@/features/stacks/components/stack-drawing";
import { StackRuns } from "@/features/stacks/components/stack-runs";
import { mayEditStacks } from "@/features/stacks/lib/permissions";
import { useCurrentUser } from "@/lib/current-user";
import { formatDateTime } from "@/lib/format";

export const Route = createFileRoute("/stacks/$stackName")({ component: StackPage });

function StackPage() {
  const { stackName } = Route.useParams();
  const stack = useStack(stackName);
  const active = useActiveStack();
  const me = useCurrentUser();
  return (
    <div className="page">
      <QueryView
        query={stack}
        loadingLabel="Loading the stack…"
        errorTitle="Could not load this stack"
      >
        {(data) => (
          <>
            <div className="page-header">
              <div className="titles">
                <span className="breadcrumb">
                  <Link to="/stacks">Stacks</Link> /
                </span>
                <h1 className="row">
                  {data.name}
                  {active.data?.id === data.id ? <span className="active-mark">Active</span> : null}
                </h1>
                <span className="subtitle">Made {formatDateTime(data.created)}</span>
              </div>
              <span className="spacer" />
              {mayEditStacks(me.data?.role) ? (
                <StackActions stack={data} isActive={active.data?.id === data.id} />
              ) : null}
            </div>
            <section className="card" aria-label="Components">
              <StackDrawing stack={data} />
            </section>
            <section className="section">
              <h2>Runs on this stack</h2>
              <div className="card">
                <StackRuns stackId={data.id} />
              </div>
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}
