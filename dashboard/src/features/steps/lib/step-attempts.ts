/** Which attempt one step run is of its step, counted from 1. */
export interface AttemptPosition {
  number: number;
  total: number;
}

/** Where `stepRunId` falls among its step's attempts (oldest first); null when the step
 * ran once, or the step run is not among them (yet). */
export function attemptPosition(
  attemptIds: readonly string[],
  stepRunId: string,
): AttemptPosition | null {
  const index = attemptIds.indexOf(stepRunId);
  if (attemptIds.length < 2 || index < 0) return null;
  return { number: index + 1, total: attemptIds.length };
}
