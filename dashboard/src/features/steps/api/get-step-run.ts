import { useQuery } from "@tanstack/react-query";
import type { StepRun } from "@/api/types";
import { stepKeys } from "@/features/steps/api/step-keys";
import { getJson } from "@/lib/api-client";
import { usePollWhileOffline } from "@/lib/live-status";
import { STATUS_STYLES } from "@/lib/status";

/** One step run with its parameters, code, timings, resources and outputs. */
export function useStepRun(stepRunId: string) {
  const poll = usePollWhileOffline();
  return useQuery({
    queryKey: stepKeys.detail(stepRunId),
    queryFn: ({ signal }) => getJson<StepRun>(`/step-runs/${stepRunId}`, {}, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && !STATUS_STYLES[status].isFinished ? poll : false;
    },
  });
}
