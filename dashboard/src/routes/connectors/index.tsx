import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useComponents } from "@/features/stacks/api/list-components";
import { useConnectors } from "@/features/stacks/api/list-connectors";
import { ConnectorsTable } from "@/features/stacks/components/connectors-table";
import { mayEditStacks } from "@/features/stacks/lib/permissions";
import { useCurrentUser } from "@/lib/current-user";

export const Route = createFileRoute("/connectors/")({ component: ConnectorsPage });

function ConnectorsPage() {
  const connectors = useConnectors();
  const components = useComponents();
  const me = useCurrentUser();
  const mayEdit = mayEditStacks(me.data?.role);
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Connectors</h1>
          <span className="subtitle">
            Named credentials that components use instead of embedding keys.
          </span>
        </div>
        <span className="spacer" />
        {mayEdit ? (
          <Link to="/connectors/new" className="button primary">
            Register connector
          </Link>
        ) : null}
      </div>
      <QueryView
        query={connectors}
        loadingLabel="Loading connectors…"
        errorTitle="Could not load the connectors"
      >
        {(page) => (
          <div className="card">
            {page.items.length === 0 ? (
              <EmptyState title="No service connector yet">
                {mayEdit
                  ? "Register one, then name it in an artifact store's `connector` setting."
                  : "An editor registers them; ask one, or use `headwater connector register`."}
              </EmptyState>
            ) : (
              <ConnectorsTable connectors={page.items} components={components.data?.items ?? []} />
            )}
          </div>
        )}
      </QueryView>
    </div>
  );
}
