import { useQuery } from "@tanstack/react-query";
import { pipelineKeys } from "@/features/pipelines/api/pipeline-keys";
import { api, unwrap } from "@/lib/api-client";

/** One pipeline by id or name. */
export function usePipeline(pipelineId: string) {
  return useQuery({
    queryKey: pipelineKeys.detail(pipelineId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/pipelines/{pipeline_id}", {
          params: { path: { pipeline_id: pipelineId } },
          signal,
        }),
      ),
  });
}
