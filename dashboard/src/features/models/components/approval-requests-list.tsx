import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import {
  type ApprovalFilter,
  useApprovalRequests,
} from "@/features/models/api/list-approval-requests";
import { ApprovalRequestCard } from "@/features/models/components/approval-request-card";
import { useCurrentUser } from "@/lib/current-user";

export interface ApprovalRequestsListProps {
  filter: ApprovalFilter;
  /** What to say when there is no request. */
  emptyTitle: string;
  showModel?: boolean;
}

/** Approval requests, newest first, each with its votes and (for approvers) a vote form. */
export function ApprovalRequestsList({ filter, emptyTitle, showModel }: ApprovalRequestsListProps) {
  const requests = useApprovalRequests(filter);
  const me = useCurrentUser();
  // Everyone sees the vote form's state: those who may not vote read why.
  const userName = me.data?.name ?? null;
  return (
    <QueryView
      query={requests}
      loadingLabel="Loading approval requests…"
      errorTitle="Could not load the approval requests"
    >
      {(page) =>
        page.items.length === 0 ? (
          <EmptyState title={emptyTitle} />
        ) : (
          <ul className="approval-requests" aria-label="Approval requests">
            {page.items.map((request) => (
              <li key={request.id}>
                <ApprovalRequestCard request={request} userName={userName} showModel={showModel} />
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}
