import { useQuery } from "@tanstack/react-query";
import type { RunDag } from "@/api/types";
import { runKeys } from "@/features/runs/api/run-keys";
import { getJson } from "@/lib/api-client";
import { STATUS_STYLES } from "@/lib/status";

/** A run with its steps, artifacts and edges; polls slowly while the run is unfinished. */
export function useRunDag(runId: string) {
  return useQuery({
    queryKey: runKeys.dag(runId),
    queryFn: ({ signal }) => getJson<RunDag>(`/runs/${encodeURIComponent(runId)}/dag`, {}, signal),
    // Live events refetch at once; this poll is only a fallback if the stream drops.
    refetchInterval: (query) => {
      const status = query.state.data?.run.status;
      return status && !STATUS_STYLES[status].isFinished ? 3_000 : false;
    },
  });
}
