import { useQuery } from "@tanstack/react-query";
import { stepKeys } from "@/features/steps/api/step-keys";
import { api, unwrap } from "@/lib/api-client";
import { usePollWhileOffline } from "@/lib/live-status";
import { STATUS_STYLES } from "@/lib/status";

/** One step run with its parameters, code, timings, resources and outputs. */
export function useStepRun(stepRunId: string) {
  const poll = usePollWhileOffline();
  return useQuery({
    queryKey: stepKeys.detail(stepRunId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/step-runs/{step_run_id}", {
          params: { path: { step_run_id: stepRunId } },
          signal,
        }),
      ),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && !STATUS_STYLES[status].isFinished ? poll : false;
    },
  });
}
