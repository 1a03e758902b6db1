import type { ExecutionStatus } from "@/api/types";
import { STATUS_STYLES } from "@/lib/status";

export interface StatusBadgeProps {
  status: ExecutionStatus;
}

/** A coloured pill with the status's name (colour is never the only signal). */
export function StatusBadge({ status }: StatusBadgeProps) {
  const style = STATUS_STYLES[status];
  return (
    <span
      className={`badge ${status}`}
      style={{ background: style.background, color: style.colour }}
    >
      <span className="dot" style={{ background: style.colour }} aria-hidden="true" />
      {style.label}
    </span>
  );
}
