import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { pipelineKeys } from "@/features/pipelines/api/pipeline-keys";
import { api, unwrap } from "@/lib/api-client";

export const VERSIONS_PAGE_SIZE = 10;

/** A page of a pipeline's versions, newest first, each with what it changed. */
export function usePipelineVersions(pipelineId: string, page: number) {
  return useQuery({
    queryKey: pipelineKeys.versions(pipelineId, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/pipelines/{pipeline_id}/versions", {
          params: {
            path: { pipeline_id: pipelineId },
            query: { page, size: VERSIONS_PAGE_SIZE, sort_by: "desc:version" },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
