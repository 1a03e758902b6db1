import { useQuery } from "@tanstack/react-query";
import { pipelineKeys } from "@/features/pipelines/api/pipeline-keys";
import { api, unwrap } from "@/lib/api-client";

/** How many runs a pipeline has and its latest run (one small request). */
export function usePipelineSummary(pipelineId: string) {
  return useQuery({
    queryKey: pipelineKeys.summary(pipelineId),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/v1/runs", {
          params: { query: { pipeline_id: pipelineId, size: 1, sort_by: "desc:created" } },
          signal,
        }),
      );
      return { runCount: page.total, lastRun: page.items[0] ?? null };
    },
  });
}
