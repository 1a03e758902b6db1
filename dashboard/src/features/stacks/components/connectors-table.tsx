import { Link, useNavigate } from "@tanstack/react-router";
import type { ServiceConnector, StackComponent } from "@/api/types";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ConnectorTypeIcon } from "@/features/stacks/components/connector-type-icon";
import { LastVerifyCell } from "@/features/stacks/components/last-verify-cell";
import { CONNECTOR_TYPES } from "@/features/stacks/lib/connector-types";
import { componentsUsing } from "@/features/stacks/lib/connector-usage";
import { formatDateTime } from "@/lib/format";

export interface ConnectorsTableProps {
  connectors: ServiceConnector[];
  components: StackComponent[];
}

function ComponentLinks({ components }: { components: StackComponent[] }) {
  if (components.length === 0) return <span className="faint">No component</span>;
  return (
    <span className="chips">
      {components.map((c) => (
        <Link
          key={c.id}
          to="/components/$componentName"
          params={{ componentName: c.name }}
          search={{ type: c.type }}
          className="tag"
          onClick={(e) => e.stopPropagation()}
        >
          {c.name}
        </Link>
      ))}
    </span>
  );
}

/** Every connector with its type, who made it, the components that name it and its last
 * known verification. */
export function ConnectorsTable({ connectors, components }: ConnectorsTableProps) {
  const navigate = useNavigate();
  const open = (c: ServiceConnector) =>
    void navigate({ to: "/connectors/$connectorName", params: { connectorName: c.name } });
  const columns: Column<ServiceConnector>[] = [
    {
      key: "name",
      header: "Connector",
      sortValue: (c) => c.name,
      render: (c) => (
        <Link
          to="/connectors/$connectorName"
          params={{ connectorName: c.name }}
          onClick={(e) => e.stopPropagation()}
        >
          <strong>{c.name}</strong>
        </Link>
      ),
    },
    {
      key: "type",
      header: "Type",
      sortValue: (c) => c.type,
      render: (c) => (
        <span className="row">
          <ConnectorTypeIcon type={c.type} />
          {CONNECTOR_TYPES[c.type].label}
        </span>
      ),
    },
    {
      key: "components",
      header: "Used by",
      render: (c) => <ComponentLinks components={componentsUsing(components, c.name)} />,
    },
    {
      key: "verified",
      header: "Last verify",
      render: (c) => <LastVerifyCell connectorName={c.name} />,
    },
    {
      key: "created",
      header: "Registered",
      sortValue: (c) => c.created,
      render: (c) => `${formatDateTime(c.created)} by ${c.created_by}`,
    },
  ];
  return (
    <DataTable
      label="Connectors"
      columns={columns}
      rows={connectors}
      rowKey={(c) => c.id}
      onRowOpen={open}
    />
  );
}
