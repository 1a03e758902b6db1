/**
 * The last verification of each connector, remembered for this browser tab: the server
 * keeps none (a verify is an action, not a state), so the list can say "if known".
 * Keyed by connector name, which a connector keeps for life.
 */
import type { TimedVerifications } from "@/features/stacks/lib/verification";

const PREFIX = "headwater.verification.";

/** The remembered verification of a connector, if any. */
export function recalledVerification(
  connectorName: string,
  storage: Storage | undefined = globalThis.sessionStorage,
): TimedVerifications | null {
  const raw = storage?.getItem(`${PREFIX}${connectorName}`);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isTimed(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Remember a connector's verification. */
export function rememberVerification(
  connectorName: string,
  verified: TimedVerifications,
  storage: Storage | undefined = globalThis.sessionStorage,
): void {
  storage?.setItem(`${PREFIX}${connectorName}`, JSON.stringify(verified));
}

function isTimed(value: unknown): value is TimedVerifications {
  if (typeof value !== "object" || value === null) return false;
  const { results, seconds, verifiedAt } = value as Record<string, unknown>;
  return Array.isArray(results) && typeof seconds === "number" && typeof verifiedAt === "string";
}
