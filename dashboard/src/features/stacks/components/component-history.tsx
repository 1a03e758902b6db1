import type { AuditEvent } from "@/api/types";
import { type Column, DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useComponentHistory } from "@/features/stacks/api/list-audit-events";
import { ApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";

const OPERATIONS: Record<string, string> = {
  create_stack_component: "Registered",
  update_stack_component: "Changed",
  delete_stack_component: "Deleted",
};

const COLUMNS: Column<AuditEvent>[] = [
  { key: "when", header: "When", render: (e) => formatDateTime(e.created) },
  { key: "who", header: "Who", render: (e) => e.user_name },
  { key: "what", header: "What", render: (e) => OPERATIONS[e.operation] ?? e.operation },
];

export interface ComponentHistoryProps {
  componentId: string;
}

/** The component's changes made through the API, from the audit trail. */
export function ComponentHistory({ componentId }: ComponentHistoryProps) {
  const history = useComponentHistory(componentId);
  if (history.isPending) return <LoadingState label="Loading the history…" />;
  if (history.isError) {
    if (history.error instanceof ApiError && history.error.status === 403) {
      return <p className="muted">The history comes from the audit trail, which admins read.</p>;
    }
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (history.data.items.length === 0) {
    return (
      <EmptyState title="No changes through the server">
        Changes made with the CLI or Client on a local store are not in the audit trail.
      </EmptyState>
    );
  }
  return (
    <DataTable
      label="History"
      columns={COLUMNS}
      rows={history.data.items}
      rowKey={(e) => String(e.id)}
    />
  );
}
