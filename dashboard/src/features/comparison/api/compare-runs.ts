import { useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema.gen";
import { comparisonKeys } from "@/features/comparison/api/comparison-keys";
import { api, unwrap } from "@/lib/api-client";

export type Comparison = components["schemas"]["ComparisonBody"];
export type ComparisonRow = components["schemas"]["ComparisonRowBody"];
export type ComparedRun = components["schemas"]["ComparedRun"];

export const MIN_RUNS = 2;
export const MAX_RUNS = 500;

/** Every row of the given runs in one request; deltas are worked out here, against the
 * baseline in the URL, so changing the baseline never refetches. */
export function useComparison(runIds: string[]) {
  return useQuery({
    queryKey: comparisonKeys.runs(runIds),
    queryFn: ({ signal }) =>
      unwrap(api.POST("/api/v1/runs/compare", { body: { runs: runIds }, signal })),
    enabled: runIds.length >= MIN_RUNS,
  });
}
