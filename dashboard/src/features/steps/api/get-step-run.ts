import { useQuery } from "@tanstack/react-query";
import type { StepRun } from "@/api/types";
import { stepKeys } from "@/features/steps/api/step-keys";
import { getJson } from "@/lib/api-client";

/** One step run with its parameters, code, timings, resources and outputs. */
export function useStepRun(stepRunId: string) {
  return useQuery({
    queryKey: stepKeys.detail(stepRunId),
    queryFn: ({ signal }) => getJson<StepRun>(`/step-runs/${stepRunId}`, {}, signal),
  });
}
