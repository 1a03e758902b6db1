/** Every query key of the comparison feature in one place. */
export const comparisonKeys = {
  all: ["comparison"] as const,
  // One string, not a list: the key is hashed on every render, and 500 ids are long.
  runs: (runIds: readonly string[]) => [...comparisonKeys.all, "runs", runIds.join(",")] as const,
  search: (name: string) => [...comparisonKeys.all, "run-search", name] as const,
  steps: (runIds: readonly string[]) => [...comparisonKeys.all, "steps", ...runIds] as const,
  versions: (ids: readonly string[]) => [...comparisonKeys.all, "versions", ...ids] as const,
};
