import { useQuery } from "@tanstack/react-query";
import type { Pipeline } from "@/api/types";
import { pipelineKeys } from "@/features/pipelines/api/pipeline-keys";
import { getJson } from "@/lib/api-client";

/** One pipeline by id or name. */
export function usePipeline(pipelineId: string) {
  return useQuery({
    queryKey: pipelineKeys.detail(pipelineId),
    queryFn: ({ signal }) =>
      getJson<Pipeline>(`/pipelines/${encodeURIComponent(pipelineId)}`, {}, signal),
  });
}
