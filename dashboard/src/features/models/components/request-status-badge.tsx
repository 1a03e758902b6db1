import { STATUS_WORDS } from "@/features/models/lib/approval-state";
import type { RequestStatus } from "@/features/models/lib/model-types";

// Theme tokens as the run statuses use them: waiting yellow, applied green, closed red.
const STATUS_TOKEN: Record<RequestStatus, string> = {
  pending: "running",
  applied: "cached",
  rejected: "failed",
  refused: "failed",
};

export interface RequestStatusBadgeProps {
  status: RequestStatus;
}

/** An approval request's status as a pill: colour and words (never colour alone). */
export function RequestStatusBadge({ status }: RequestStatusBadgeProps) {
  const token = STATUS_TOKEN[status];
  return (
    <span
      className="badge"
      style={{ background: `var(--status-${token}-bg)`, color: `var(--status-${token})` }}
    >
      <span className="dot" style={{ background: `var(--status-${token})` }} aria-hidden="true" />
      {STATUS_WORDS[status]}
    </span>
  );
}
