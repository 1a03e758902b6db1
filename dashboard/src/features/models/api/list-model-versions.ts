import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import type { ModelStage } from "@/features/models/lib/model-types";
import { api, unwrap } from "@/lib/api-client";

export const VERSIONS_PAGE_SIZE = 50;

export interface VersionPageQuery {
  page: number;
  sortBy: string;
  stage?: ModelStage;
}

/** A page of a model's versions in the server's `sort_by` order, maybe of one stage. */
export function useModelVersions(modelId: string, { page, sortBy, stage }: VersionPageQuery) {
  return useQuery({
    queryKey: modelKeys.versions(modelId, page, sortBy, stage ?? "any"),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/model-versions", {
          params: {
            query: {
              model_id: modelId,
              page,
              size: VERSIONS_PAGE_SIZE,
              sort_by: sortBy,
              ...(stage ? { stage } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
