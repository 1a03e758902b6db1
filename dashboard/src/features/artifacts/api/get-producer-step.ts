import { useQuery } from "@tanstack/react-query";
import type { StepRun } from "@/api/types";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { getJson } from "@/lib/api-client";

/** The step run that made an artifact version (its name and run). */
export function useProducerStep(stepRunId: string | null) {
  return useQuery({
    queryKey: artifactKeys.producer(stepRunId ?? "none"),
    queryFn: ({ signal }) => getJson<StepRun>(`/step-runs/${stepRunId}`, {}, signal),
    enabled: stepRunId !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
