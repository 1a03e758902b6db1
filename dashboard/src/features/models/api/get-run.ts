import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

function runQuery(runId: string) {
  return {
    queryKey: modelKeys.run(runId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(api.GET("/api/v1/runs/{run_id}", { params: { path: { run_id: runId } }, signal })),
    staleTime: 60_000,
  };
}

/** A run a model version is linked to (its name, status and parameters). */
export function useLinkedRun(runId: string) {
  return useQuery(runQuery(runId));
}
