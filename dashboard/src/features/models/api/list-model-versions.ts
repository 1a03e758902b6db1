import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

export const VERSIONS_PAGE_SIZE = 50;

/** A page of a model's versions in the server's `sort_by` order. */
export function useModelVersions(modelId: string, page: number, sortBy: string) {
  return useQuery({
    queryKey: modelKeys.versions(modelId, page, sortBy),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/model-versions", {
          params: {
            query: { model_id: modelId, page, size: VERSIONS_PAGE_SIZE, sort_by: sortBy },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
