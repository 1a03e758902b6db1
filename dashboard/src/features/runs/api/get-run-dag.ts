import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { runKeys } from "@/features/runs/api/run-keys";
import { api, unwrap } from "@/lib/api-client";
import { usePollWhileOffline } from "@/lib/live-status";
import { STATUS_STYLES } from "@/lib/status";

/** A run with its steps, artifacts and edges. */
export function runDagQuery(runId: string) {
  return queryOptions({
    queryKey: runKeys.dag(runId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/runs/{run_id}/dag", { params: { path: { run_id: runId } }, signal })),
  });
}

/** A run's DAG; polls slowly while the run is unfinished. */
export function useRunDag(runId: string) {
  const poll = usePollWhileOffline();
  return useQuery({
    ...runDagQuery(runId),
    // Live events refetch at once; without them an unfinished run polls.
    refetchInterval: (query) => {
      const status = query.state.data?.run.status;
      return status && !STATUS_STYLES[status].isFinished ? poll : false;
    },
  });
}

/** Starts fetching the DAG as the run page's route is matched, while the page's code
 * still loads (issue 19: the fetch waited for every chunk of the page, about 0.5 s on a
 * busy machine); the page's `useRunDag` then shares the request. */
export function prefetchRunDag(client: QueryClient, runId: string): void {
  const options = runDagQuery(runId);
  if (client.getQueryData(options.queryKey) !== undefined) return;
  void client.prefetchQuery(options);
}
