/**
 * Verifications as the pages show them: the server's answers with how long the round
 * trip took, and one line that says whether everything works or what failed.
 */
import type { Verification, VerificationFailure } from "@/api/types";

export interface TimedVerifications {
  results: Verification[];
  /** Seconds from the request to the answer, as this browser measured them. */
  seconds: number;
  /** When the answer came (ISO 8601). */
  verifiedAt: string;
}

/** Run a verification call and time it. */
export async function timedVerifications(
  call: () => Promise<Verification[]>,
  now: () => number = () => performance.now(),
): Promise<TimedVerifications> {
  const started = now();
  const results = await call();
  return {
    results,
    seconds: (now() - started) / 1000,
    verifiedAt: new Date().toISOString(),
  };
}

const FAILURES: Record<VerificationFailure, string> = {
  auth: "credentials refused",
  missing_bucket: "bucket or folder missing",
  not_writable: "not writable",
  not_readable: "not readable",
  unreachable: "unreachable",
  invalid: "cannot be opened",
};

/** Whether every location works. */
export function isVerified(verified: TimedVerifications): boolean {
  return verified.results.length > 0 && verified.results.every((r) => r.ok);
}

/** A short verdict: "OK in 0.42 s", or the failure kinds ("Failed: credentials refused"). */
export function verificationVerdict(verified: TimedVerifications): string {
  if (isVerified(verified)) return `OK in ${verified.seconds.toFixed(2)} s`;
  const kinds = [
    ...new Set(verified.results.filter((r) => !r.ok).map((r) => failureText(r.failure))),
  ];
  return `Failed: ${kinds.join(", ")}`;
}

/** What kind of failure, in words (a failure without a kind is just "failed"). */
export function failureText(failure: VerificationFailure | null | undefined): string {
  return failure ? FAILURES[failure] : "failed";
}
