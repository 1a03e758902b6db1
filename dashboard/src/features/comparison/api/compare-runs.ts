import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import type { components } from "@/api/schema.gen";
import { comparisonKeys } from "@/features/comparison/api/comparison-keys";
import { api, unwrap } from "@/lib/api-client";

export type Comparison = components["schemas"]["ComparisonBody"];
export type ComparisonRow = components["schemas"]["ComparisonRowBody"];
export type ComparedRun = components["schemas"]["ComparedRun"];

export const MIN_RUNS = 2;
export const MAX_RUNS = 500;

/** Every row of the given runs in one request. Deltas are worked out here, against the
 * baseline in the URL, so changing the baseline never refetches, and the server sends
 * none (`deltas=false`): the answer is a quarter of the size. */
export function comparisonQuery(runIds: string[]) {
  return queryOptions({
    queryKey: comparisonKeys.runs(runIds),
    queryFn: ({ signal }) =>
      unwrap(
        api.POST("/api/v1/runs/compare", {
          params: { query: { deltas: false } },
          body: { runs: runIds },
          signal,
        }),
      ),
    enabled: runIds.length >= MIN_RUNS,
  });
}

export function useComparison(runIds: string[]) {
  return useQuery(comparisonQuery(runIds));
}

/** Starts the comparison as the route is matched, while the page's code still loads
 * (issue 11: first paint under 1 s); the page's `useComparison` then shares the request. */
export function prefetchComparison(client: QueryClient, runIds: string[]): void {
  const options = comparisonQuery(runIds);
  if (runIds.length < MIN_RUNS || runIds.length > MAX_RUNS) return;
  if (client.getQueryData(options.queryKey) !== undefined) return;
  void client.prefetchQuery(options);
}
