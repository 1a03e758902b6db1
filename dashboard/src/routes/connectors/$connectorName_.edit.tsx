import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useConnector } from "@/features/stacks/api/get-connector";
import { useConnectorTypes } from "@/features/stacks/api/list-connector-types";
import { EditConnector } from "@/features/stacks/components/edit-connector";
import { mayChangeSecrets } from "@/features/stacks/lib/permissions";
import { useCurrentUser } from "@/lib/current-user";

export const Route = createFileRoute("/connectors/$connectorName_/edit")({
  component: EditConnectorPage,
});

function EditConnectorPage() {
  const { connectorName } = Route.useParams();
  const connector = useConnector(connectorName);
  const kinds = useConnectorTypes();
  const me = useCurrentUser();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/connectors">Connectors</Link> /{" "}
            <Link to="/connectors/$connectorName" params={{ connectorName }}>
              {connectorName}
            </Link>{" "}
            /
          </span>
          <h1>Edit connector</h1>
        </div>
      </div>
      <div className="card card-body">
        <QueryView
          query={connector}
          loadingLabel="Loading the connector…"
          errorTitle="Could not load this connector"
        >
          {(data) => (
            <QueryView query={kinds} loadingLabel="Loading the connector types…">
              {(all) => (
                <EditConnector
                  key={data.id}
                  connector={data}
                  kind={all.find((k) => k.type === data.type)}
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
