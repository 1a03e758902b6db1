import { Link, useNavigate } from "@tanstack/react-router";
import type { Stack } from "@/api/types";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ComponentChip } from "@/features/stacks/components/component-chip";
import { RecentRunDots } from "@/features/stacks/components/recent-run-dots";
import { COMPONENT_TYPE_ORDER } from "@/features/stacks/lib/component-types";
import { formatDateTime } from "@/lib/format";

export interface StacksTableProps {
  stacks: Stack[];
  activeStackId: string | undefined;
  /** Stack id → who made it (from the audit trail, when the caller may read it). */
  creators: ReadonlyMap<string, string> | undefined;
}

function orderedComponents(stack: Stack) {
  return COMPONENT_TYPE_ORDER.flatMap((type) => {
    const component = stack.components[type];
    return component ? [component] : [];
  });
}

/** Every stack: its components by type, the active one marked, who made it, its runs. */
export function StacksTable({ stacks, activeStackId, creators }: StacksTableProps) {
  const navigate = useNavigate();
  const columns: Column<Stack>[] = [
    {
      key: "name",
      header: "Stack",
      sortValue: (s) => s.name,
      render: (s) => (
        <span className="row">
          <Link
            to="/stacks/$stackName"
            params={{ stackName: s.name }}
            onClick={(e) => e.stopPropagation()}
          >
            <strong>{s.name}</strong>
          </Link>
          {s.id === activeStackId ? <span className="active-mark">Active</span> : null}
        </span>
      ),
    },
    {
      key: "components",
      header: "Components",
      render: (s) => (
        <span className="chips">
          {orderedComponents(s).map((component) => (
            <ComponentChip key={component.id} component={component} />
          ))}
        </span>
      ),
    },
    {
      key: "created",
      header: "Made",
      sortValue: (s) => s.created,
      render: (s) => (
        <span className="section" style={{ gap: 0 }}>
          <span>{formatDateTime(s.created)}</span>
          <span className="faint">{creators?.get(s.id) ?? ""}</span>
        </span>
      ),
    },
    { key: "runs", header: "Recent runs", render: (s) => <RecentRunDots stackId={s.id} /> },
  ];
  return (
    <DataTable
      label="Stacks"
      columns={columns}
      rows={stacks}
      rowKey={(s) => s.id}
      onRowOpen={(s) => void navigate({ to: "/stacks/$stackName", params: { stackName: s.name } })}
    />
  );
}
