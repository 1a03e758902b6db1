import { useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrap } from "@/lib/api-client";

/** The step run that made an artifact version (its name and run). */
export function useProducerStep(stepRunId: string | null) {
  return useQuery({
    queryKey: artifactKeys.producer(stepRunId ?? "none"),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/step-runs/{step_run_id}", {
          params: { path: { step_run_id: stepRunId ?? "" } },
          signal,
        }),
      ),
    enabled: stepRunId !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
