import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrap } from "@/lib/api-client";

export const CONSUMERS_PAGE_SIZE = 20;

/** A page of the step runs, in any run, that read an artifact version; newest first. */
export function useArtifactConsumers(artifactVersionId: string, page: number) {
  return useQuery({
    queryKey: artifactKeys.consumers(artifactVersionId, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/artifact-versions/{artifact_version_id}/consumers", {
          params: {
            path: { artifact_version_id: artifactVersionId },
            query: { page, size: CONSUMERS_PAGE_SIZE, sort_by: "desc:created" },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
