import { useState } from "react";
import { useVoteOnApprovalRequest } from "@/features/models/api/vote-on-approval-request";
import type { VoteEligibility } from "@/features/models/lib/approval-state";
import type { ApprovalRequest } from "@/features/models/lib/model-types";
import { errorMessage } from "@/lib/api-client";

export interface VoteFormProps {
  request: ApprovalRequest;
  userName: string;
  eligibility: VoteEligibility;
}

/** Approve or reject with a comment; what the user may not do is disabled, with why. */
export function VoteForm({ request, userName, eligibility }: VoteFormProps) {
  const [comment, setComment] = useState("");
  const vote = useVoteOnApprovalRequest();
  const label = `version ${request.version_number} of ${request.model_name}`;
  const send = (approve: boolean) =>
    vote.mutate({ requestId: request.id, approve, comment, userName });
  if (!eligibility.mayApprove && !eligibility.mayReject) {
    return eligibility.why ? (
      <span className="muted" role="note">
        {eligibility.why}
      </span>
    ) : null;
  }
  const isWithdrawal = !eligibility.mayApprove;
  return (
    <div className="vote-form section">
      <label className="field">
        <span className="muted">
          {isWithdrawal ? "Why withdraw it" : "Comment (kept with your vote)"}
        </span>
        <textarea
          className="input"
          aria-label={`Comment on the request for ${label}`}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </label>
      <div className="row">
        {eligibility.mayApprove ? (
          <button
            type="button"
            className="button primary"
            disabled={vote.isPending}
            onClick={() => send(true)}
          >
            Approve
          </button>
        ) : null}
        <button
          type="button"
          className="button danger"
          disabled={vote.isPending}
          onClick={() => send(false)}
        >
          {isWithdrawal ? "Withdraw" : "Reject"}
        </button>
        {eligibility.why ? <span className="muted">{eligibility.why}</span> : null}
      </div>
      {vote.isError ? (
        <div role="alert" className="callout failed">
          {errorMessage(vote.error)}
        </div>
      ) : null}
    </div>
  );
}
