import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useConnector } from "@/features/stacks/api/get-connector";
import { useComponents } from "@/features/stacks/api/list-components";
import { useConnectorTypes } from "@/features/stacks/api/list-connector-types";
import { ComponentChip } from "@/features/stacks/components/component-chip";
import { ConnectorActions } from "@/features/stacks/components/connector-actions";
import { ConnectorSettings } from "@/features/stacks/components/connector-settings";
import { ConnectorTypeIcon } from "@/features/stacks/components/connector-type-icon";
import { ConnectorVerify } from "@/features/stacks/components/connector-verify";
import { CONNECTOR_TYPES } from "@/features/stacks/lib/connector-types";
import { componentsUsing } from "@/features/stacks/lib/connector-usage";
import { mayEditStacks } from "@/features/stacks/lib/permissions";
import { useCurrentUser } from "@/lib/current-user";
import { formatDateTime } from "@/lib/format";

export const Route = createFileRoute("/connectors/$connectorName")({ component: ConnectorPage });

function ConnectorPage() {
  const { connectorName } = Route.useParams();
  const connector = useConnector(connectorName);
  const kinds = useConnectorTypes();
  const components = useComponents();
  const me = useCurrentUser();
  const mayEdit = mayEditStacks(me.data?.role);
  return (
    <div className="page">
      <QueryView
        query={connector}
        loadingLabel="Loading the connector…"
        errorTitle="Could not load this connector"
      >
        {(data) => {
          const usedBy = componentsUsing(components.data?.items ?? [], data.name);
          const kind = kinds.data?.find((k) => k.type === data.type);
          return (
            <>
              <div className="page-header">
                <div className="titles">
                  <span className="breadcrumb">
                    <Link to="/connectors">Connectors</Link> /
                  </span>
                  <h1 className="row">
                    <ConnectorTypeIcon type={data.type} size="large" />
                    {data.name}
                  </h1>
                  <span className="subtitle">
                    {CONNECTOR_TYPES[data.type].label} · registered {formatDateTime(data.created)}{" "}
                    by {data.created_by} · changed {formatDateTime(data.updated)} by{" "}
                    {data.updated_by}
                  </span>
                </div>
                <span className="spacer" />
                {mayEdit ? <ConnectorActions connector={data} usedBy={usedBy} /> : null}
              </div>
              <section className="card card-body section">
                <h2>Settings</h2>
                {kind ? <p className="muted">{kind.description}</p> : null}
                <ConnectorSettings connector={data} kind={kind} />
              </section>
              <section className="card card-body section">
                <h2>Components using it</h2>
                {usedBy.length === 0 ? (
                  <p className="muted">
                    No component names it yet: set an artifact store's Connector to '{data.name}'.
                  </p>
                ) : (
                  <ul className="chips" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                    {usedBy.map((c) => (
                      <li key={c.id}>
                        <ComponentChip component={c} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              {mayEdit ? (
                <section className="card card-body section">
                  <h2>Verify</h2>
                  <ConnectorVerify connector={data} isUsed={usedBy.length > 0} />
                </section>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
