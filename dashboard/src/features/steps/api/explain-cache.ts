import { useQuery } from "@tanstack/react-query";
import { stepKeys } from "@/features/steps/api/step-keys";
import { api, unwrap } from "@/lib/api-client";

/** Why a step run was cached, or which parts of its cache key changed. */
export function useCacheExplanation(stepRunId: string, enabled: boolean) {
  return useQuery({
    queryKey: stepKeys.cache(stepRunId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/step-runs/{step_run_id}/cache-explanation", {
          params: { path: { step_run_id: stepRunId } },
          signal,
        }),
      ),
    enabled,
  });
}
