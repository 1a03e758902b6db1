import { type Column, DataTable } from "@/components/ui/data-table";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useVersionHistory } from "@/features/models/api/list-stage-transitions";
import { StageBadge } from "@/features/models/components/stage-badge";
import type { StageTransition } from "@/features/models/lib/model-types";
import { formatDateTime } from "@/lib/format";

export interface TransitionHistoryProps {
  versionId: string;
}

const COLUMNS: Column<StageTransition>[] = [
  { key: "created", header: "When", render: (t) => formatDateTime(t.created) },
  { key: "user", header: "Who", render: (t) => t.user_name ?? <span className="faint">—</span> },
  { key: "from", header: "From", render: (t) => <StageBadge stage={t.from_stage} /> },
  { key: "to", header: "To", render: (t) => <StageBadge stage={t.to_stage} /> },
  { key: "outcome", header: "Outcome", render: (t) => t.outcome },
  { key: "trigger", header: "Trigger", render: (t) => t.trigger },
  { key: "reason", header: "Reason", render: (t) => t.reason ?? <span className="faint">—</span> },
];

/** Every recorded attempt to change this version's stage, newest first. */
export function TransitionHistory({ versionId }: TransitionHistoryProps) {
  const history = useVersionHistory(versionId);
  return (
    <QueryView
      query={history}
      loadingLabel="Loading its stage history…"
      errorTitle="Could not load its stage history"
    >
      {(page) =>
        page.items.length === 0 ? (
          <EmptyState title="No stage changes yet">Promote it to record the first one.</EmptyState>
        ) : (
          <DataTable
            label="Stage history"
            columns={COLUMNS}
            rows={page.items}
            rowKey={(t) => t.id}
          />
        )
      }
    </QueryView>
  );
}
