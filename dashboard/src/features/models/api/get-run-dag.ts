import { useQueries } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

/** The runs that made compared versions, each with its steps, artifacts and edges. */
export function useRunDags(runIds: string[]) {
  return useQueries({
    queries: runIds.map((runId) => ({
      queryKey: modelKeys.runDag(runId),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(
          api.GET("/api/v1/runs/{run_id}/dag", { params: { path: { run_id: runId } }, signal }),
        ),
      staleTime: 60_000,
    })),
  });
}
