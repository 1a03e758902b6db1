import { Link } from "@tanstack/react-router";
import { useRequestApprovers } from "@/features/models/api/list-request-approvers";
import { RequestStatusBadge } from "@/features/models/components/request-status-badge";
import { VoteForm } from "@/features/models/components/vote-form";
import {
  describeRequest,
  voteEligibility,
  voteProgress,
  waitingOn,
} from "@/features/models/lib/approval-state";
import type { ApprovalRequest } from "@/features/models/lib/model-types";
import { formatDateTime } from "@/lib/format";
import "@/features/models/components/models.css";

export interface ApprovalRequestCardProps {
  request: ApprovalRequest;
  /** Who is looking (null while unknown: no vote form yet). */
  userName: string | null;
  /** Names the model in the title (for lists across models). */
  showModel?: boolean;
}

/** One request: what it asks, who asked when, the votes so far, whom it waits on, its
 * outcome, and approve / reject for those who may. */
export function ApprovalRequestCard({ request, userName, showModel }: ApprovalRequestCardProps) {
  const approvers = useRequestApprovers(request.id, request.status === "pending");
  const names = approvers.data?.names;
  const waiting = waitingOn(request, names);
  const title = describeRequest(request);
  return (
    <article className="approval-request" aria-label={`Request: ${title} of ${request.model_name}`}>
      <header className="row">
        <strong>
          {showModel ? (
            <Link to="/models/$name" params={{ name: request.model_name }}>
              {request.model_name}
            </Link>
          ) : null}
          {showModel ? ": " : null}
          {request.model_version_id ? (
            <Link
              to="/models/$name/versions/$number"
              params={{ name: request.model_name, number: String(request.version_number) }}
            >
              {title}
            </Link>
          ) : (
            title
          )}
        </strong>
        <RequestStatusBadge status={request.status} />
        <span className="muted">{voteProgress(request)}</span>
      </header>
      <div className="muted">
        Requested by {request.requested_by ?? "someone"} {formatDateTime(request.created)}
        {request.force ? ", forcing out the version that holds the stage" : ""}
        {request.reason ? `: “${request.reason}”` : ""}
      </div>
      {request.votes.length > 0 ? (
        <ul className="votes" aria-label="Votes">
          {request.votes.map((vote) => (
            <li key={`${vote.user_name}-${vote.created}`}>
              <span className={vote.approve ? "vote-yes" : "vote-no"}>
                {vote.approve ? "✓ approved" : "✕ rejected"}
              </span>{" "}
              by {vote.user_name ?? "someone"} {formatDateTime(vote.created)}
              {vote.comment ? `: “${vote.comment}”` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {waiting ? <div>Waiting on: {waiting}</div> : null}
      {request.decided ? (
        <div className="muted">Decided {formatDateTime(request.decided)}</div>
      ) : null}
      {userName && request.status === "pending" ? (
        <VoteForm
          request={request}
          userName={userName}
          eligibility={voteEligibility(request, userName, names)}
        />
      ) : null}
    </article>
  );
}
