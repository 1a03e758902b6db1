import { useQuery } from "@tanstack/react-query";
import { pipelineKeys } from "@/features/pipelines/api/pipeline-keys";
import { api, unwrap } from "@/lib/api-client";

const MAX_PIPELINES = 500;

/** Every pipeline, newest first. */
export function usePipelines() {
  return useQuery({
    queryKey: pipelineKeys.list(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/pipelines", {
          params: { query: { size: MAX_PIPELINES, sort_by: "desc:created" } },
          signal,
        }),
      ),
  });
}
