/**
 * Where an approval request stands, in words, and whether the dashboard's user may vote
 * on it: from the request, its remaining approvers (the server's list) and who is asking.
 */
import type { ApprovalRequest, RequestStatus } from "@/features/models/lib/model-types";

export const STATUS_WORDS: Record<RequestStatus, string> = {
  pending: "pending",
  applied: "approved and applied",
  rejected: "rejected",
  refused: "approved, but refused: the stage was held",
};

/** What the request asks, as its page says it: "Move version 3 to production". */
export function describeRequest(request: ApprovalRequest): string {
  const target = `version ${request.version_number}`;
  if (request.kind === "deletion") return `Delete ${target}`;
  return `Move ${target} to ${request.to_stage ?? "no stage"}`;
}

/** "1 of 2 approvals". */
export function voteProgress(request: ApprovalRequest): string {
  const approvals = request.votes.filter((vote) => vote.approve).length;
  return `${approvals} of ${request.required_approvals} approval${request.required_approvals === 1 ? "" : "s"}`;
}

/** Who the request is waiting on: names, or why it waits on nobody. `approvers` is the
 * server's list of who may still approve (null: the server keeps no logins). */
export function waitingOn(request: ApprovalRequest, approvers: string[] | null | undefined) {
  if (request.status !== "pending") return null;
  if (approvers === undefined) return "…";
  if (approvers === null)
    return `anyone who may promote, except ${request.requested_by ?? "the requester"}`;
  if (approvers.length === 0) return "nobody: no one else may promote in this project";
  return approvers.join(", ");
}

export interface VoteEligibility {
  mayApprove: boolean;
  mayReject: boolean;
  /** Why the user may not approve (null when they may). */
  why: string | null;
}

/** Whether `userName` may approve or reject, with the reason the server would give. */
export function voteEligibility(
  request: ApprovalRequest,
  userName: string,
  approvers: string[] | null | undefined,
): VoteEligibility {
  const no = (why: string, mayReject = false) => ({ mayApprove: false, mayReject, why });
  if (request.status !== "pending") return no(`This request is ${STATUS_WORDS[request.status]}.`);
  if (request.votes.some((vote) => vote.user_name === userName)) {
    return no("You voted on this request already.");
  }
  if (request.requested_by === userName) {
    // The store lets a requester withdraw (reject) their own request, never approve it.
    return no("You asked for this change, so you may not approve it; you may withdraw it.", true);
  }
  if (approvers === undefined) return no("Checking who may approve…");
  if (approvers !== null && !approvers.includes(userName)) {
    return no("Approving needs model_version:promote in this model's project.");
  }
  return { mayApprove: true, mayReject: true, why: null };
}
