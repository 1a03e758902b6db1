import { Link, useNavigate } from "@tanstack/react-router";
import type { Stack, StackComponent } from "@/api/types";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ComponentTypeIcon } from "@/features/stacks/components/component-type-icon";
import { COMPONENT_TYPES } from "@/features/stacks/lib/component-types";
import { stacksUsing } from "@/features/stacks/lib/stack-search";
import { formatDateTime } from "@/lib/format";

export interface ComponentsTableProps {
  components: StackComponent[];
  stacks: Stack[];
}

function StackLinks({ stacks }: { stacks: Stack[] }) {
  if (stacks.length === 0) return <span className="faint">No stack</span>;
  return (
    <span className="chips">
      {stacks.map((s) => (
        <Link
          key={s.id}
          to="/stacks/$stackName"
          params={{ stackName: s.name }}
          className="tag"
          onClick={(e) => e.stopPropagation()}
        >
          {s.name}
        </Link>
      ))}
    </span>
  );
}

/** Every component with its type, flavor and the stacks that use it. */
export function ComponentsTable({ components, stacks }: ComponentsTableProps) {
  const navigate = useNavigate();
  const open = (c: StackComponent) =>
    void navigate({
      to: "/components/$componentName",
      params: { componentName: c.name },
      search: { type: c.type },
    });
  const columns: Column<StackComponent>[] = [
    {
      key: "name",
      header: "Component",
      sortValue: (c) => c.name,
      render: (c) => (
        <Link
          to="/components/$componentName"
          params={{ componentName: c.name }}
          search={{ type: c.type }}
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
          <ComponentTypeIcon type={c.type} />
          {COMPONENT_TYPES[c.type].label}
        </span>
      ),
    },
    { key: "flavor", header: "Flavor", sortValue: (c) => c.flavor, render: (c) => c.flavor },
    {
      key: "stacks",
      header: "Used by",
      render: (c) => <StackLinks stacks={stacksUsing(stacks, c.id)} />,
    },
    {
      key: "created",
      header: "Registered",
      sortValue: (c) => c.created,
      render: (c) => formatDateTime(c.created),
    },
  ];
  return (
    <DataTable
      label="Components"
      columns={columns}
      rows={components}
      rowKey={(c) => c.id}
      onRowOpen={open}
    />
  );
}
