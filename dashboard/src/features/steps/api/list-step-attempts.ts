import { useQuery } from "@tanstack/react-query";
import { stepKeys } from "@/features/steps/api/step-keys";
import { api, unwrap } from "@/lib/api-client";

// More attempts than any step makes (retries are a handful).
const MOST_ATTEMPTS = 100;

/** Every attempt of one step in its run, oldest first: a retried step has a step run per
 * attempt. Live step events of the run refetch it (its key is under the run's steps). */
export function useStepAttempts(runId: string, stepName: string) {
  return useQuery({
    queryKey: stepKeys.attempts(runId, stepName),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/runs/{run_id}/steps", {
          params: {
            path: { run_id: runId },
            query: { name: stepName, sort_by: "asc:created", size: MOST_ATTEMPTS },
          },
          signal,
        }),
      ),
    select: (page) => page.items,
  });
}
