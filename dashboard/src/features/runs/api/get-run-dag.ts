import { useQuery } from "@tanstack/react-query";
import { runKeys } from "@/features/runs/api/run-keys";
import { api, unwrap } from "@/lib/api-client";
import { usePollWhileOffline } from "@/lib/live-status";
import { STATUS_STYLES } from "@/lib/status";

/** A run with its steps, artifacts and edges; polls slowly while the run is unfinished. */
export function useRunDag(runId: string) {
  const poll = usePollWhileOffline();
  return useQuery({
    queryKey: runKeys.dag(runId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/runs/{run_id}/dag", { params: { path: { run_id: runId } }, signal })),
    // Live events refetch at once; without them an unfinished run polls.
    refetchInterval: (query) => {
      const status = query.state.data?.run.status;
      return status && !STATUS_STYLES[status].isFinished ? poll : false;
    },
  });
}
