import { useLastVerification } from "@/features/stacks/api/last-verification";
import { isVerified, verificationVerdict } from "@/features/stacks/lib/verification";

export interface LastVerifyCellProps {
  connectorName: string;
}

/** The connector's last verification seen in this tab, or that none is known. */
export function LastVerifyCell({ connectorName }: LastVerifyCellProps) {
  const last = useLastVerification(connectorName);
  if (!last.data) return <span className="faint">Not verified here yet</span>;
  return (
    <span className="verify-cell">
      <span
        className="dot"
        aria-hidden="true"
        style={{
          width: 8,
          height: 8,
          borderRadius: "50%",
          background: isVerified(last.data) ? "var(--status-cached)" : "var(--status-failed)",
        }}
      />
      {verificationVerdict(last.data)}
    </span>
  );
}
