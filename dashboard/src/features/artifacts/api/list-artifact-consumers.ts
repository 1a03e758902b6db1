import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ArtifactConsumerPage } from "@/api/types";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { getJson } from "@/lib/api-client";

export const CONSUMERS_PAGE_SIZE = 20;

/** A page of the step runs, in any run, that read an artifact version; newest first. */
export function useArtifactConsumers(artifactVersionId: string, page: number) {
  return useQuery({
    queryKey: artifactKeys.consumers(artifactVersionId, page),
    queryFn: ({ signal }) =>
      getJson<ArtifactConsumerPage>(
        `/artifact-versions/${artifactVersionId}/consumers`,
        { page, size: CONSUMERS_PAGE_SIZE, sort_by: "desc:created" },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
