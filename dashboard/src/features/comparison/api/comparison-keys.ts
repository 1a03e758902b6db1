/** Every query key of the comparison feature in one place. */
export const comparisonKeys = {
  all: ["comparison"] as const,
  runs: (runIds: string[]) => [...comparisonKeys.all, "runs", runIds] as const,
  search: (name: string) => [...comparisonKeys.all, "run-search", name] as const,
  steps: (runIds: readonly string[]) => [...comparisonKeys.all, "steps", ...runIds] as const,
  versions: (ids: readonly string[]) => [...comparisonKeys.all, "versions", ...ids] as const,
};
