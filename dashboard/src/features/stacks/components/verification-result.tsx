import {
  failureText,
  isVerified,
  type TimedVerifications,
  verificationVerdict,
} from "@/features/stacks/lib/verification";
import { formatDateTime } from "@/lib/format";

export interface VerificationResultProps {
  verified: TimedVerifications;
}

/** A verification's verdict and, for each location, what the server found. */
export function VerificationResult({ verified }: VerificationResultProps) {
  const isOk = isVerified(verified);
  return (
    <div className={`callout ${isOk ? "cached" : "failed"}`} role="status">
      <strong>{verificationVerdict(verified)}</strong>
      <span className="faint"> · {formatDateTime(verified.verifiedAt)}</span>
      <ul className="dialog-list">
        {verified.results.map((result) => (
          <li key={result.location}>
            <span className="mono">{result.location}</span>{" "}
            {result.ok ? null : (
              <span className="tag">
                {result.failed_step ? `${result.failed_step}: ` : ""}
                {failureText(result.failure)}
              </span>
            )}{" "}
            — {result.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
