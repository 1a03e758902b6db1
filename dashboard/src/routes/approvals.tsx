import { createFileRoute, Link } from "@tanstack/react-router";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { ApprovalRequestsList } from "@/features/models/components/approval-requests-list";
import { parseApprovalsSearch } from "@/features/models/lib/approvals-search";

export const Route = createFileRoute("/approvals")({
  validateSearch: parseApprovalsSearch,
  component: ApprovalsPage,
});

const SHOWN = [
  { id: "pending", label: "Pending" },
  { id: "all", label: "All" },
] as const;

function ApprovalsPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const isAll = search.show === "all";
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/models">Models</Link> /
          </span>
          <h1>Approvals</h1>
          <span className="subtitle">
            Stage changes that a model's approval policy holds back, across every model.
          </span>
        </div>
        <span className="spacer" />
        <SegmentedControl
          label="Requests shown"
          options={SHOWN}
          value={isAll ? "all" : "pending"}
          onChange={(show) =>
            void navigate({ search: { show: show === "all" ? "all" : undefined }, replace: true })
          }
        />
      </div>
      <div className="card">
        <ApprovalRequestsList
          filter={isAll ? {} : { status: "pending" }}
          emptyTitle={isAll ? "No approval requests yet" : "Nothing waits for approval"}
          showModel
        />
      </div>
    </div>
  );
}
