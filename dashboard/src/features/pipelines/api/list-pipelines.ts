import { useQuery } from "@tanstack/react-query";
import type { PipelinePage } from "@/api/types";
import { pipelineKeys } from "@/features/pipelines/api/pipeline-keys";
import { getJson } from "@/lib/api-client";

const MAX_PIPELINES = 500;

/** Every pipeline, newest first. */
export function usePipelines() {
  return useQuery({
    queryKey: pipelineKeys.list(),
    queryFn: ({ signal }) =>
      getJson<PipelinePage>("/pipelines", { size: MAX_PIPELINES, sort_by: "desc:created" }, signal),
  });
}
