import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { type ModelListSearch, modelSortBy } from "@/features/models/lib/model-list-search";
import { api, unwrap } from "@/lib/api-client";

const MAX_MODELS = 500;

/** The models whose name contains the search, in the chosen order. */
export function useModels(search: ModelListSearch) {
  return useQuery({
    queryKey: modelKeys.list(search),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/models", {
          params: {
            query: {
              size: MAX_MODELS,
              sort_by: modelSortBy(search.sort),
              ...(search.q ? { name: `contains:${search.q}` } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
