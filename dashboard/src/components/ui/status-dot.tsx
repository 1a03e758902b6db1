import type { ExecutionStatus } from "@/api/types";
import { STATUS_STYLES } from "@/lib/status";

export interface StatusDotProps {
  status: ExecutionStatus;
  size?: number;
}

/** A small status-coloured circle with the status as its accessible name. */
export function StatusDot({ status, size = 10 }: StatusDotProps) {
  const style = STATUS_STYLES[status];
  return (
    <span
      role="img"
      aria-label={style.label}
      title={style.label}
      style={{
        display: "inline-block",
        width: size,
        height: size,
        borderRadius: "50%",
        background: style.colour,
        flex: "none",
      }}
    />
  );
}
