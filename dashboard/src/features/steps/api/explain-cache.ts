import { useQuery } from "@tanstack/react-query";
import type { StepCacheExplanation } from "@/api/types";
import { stepKeys } from "@/features/steps/api/step-keys";
import { getJson } from "@/lib/api-client";

/** Why a step run was cached, or which parts of its cache key changed. */
export function useCacheExplanation(stepRunId: string, enabled: boolean) {
  return useQuery({
    queryKey: stepKeys.cache(stepRunId),
    queryFn: ({ signal }) =>
      getJson<StepCacheExplanation>(`/step-runs/${stepRunId}/cache-explanation`, {}, signal),
    enabled,
  });
}
