import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { runKeys } from "@/features/runs/api/run-keys";
import { type RunSearch, toRunQuery } from "@/features/runs/lib/run-filters";
import { api, unwrap } from "@/lib/api-client";
import { usePollWhileOffline } from "@/lib/live-status";

/** A page of runs for the runs list (filters, sort and page from the URL). */
export function useRuns(search: RunSearch, pipelineId?: string) {
  const refetchInterval = usePollWhileOffline();
  return useQuery({
    queryKey: runKeys.list({ ...search, pipelineId }),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/runs", {
          params: { query: { ...toRunQuery(search), pipeline_id: pipelineId } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}
