import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

/** A model's newest version (null before its first), for its row in the models list. */
export function useLatestVersion(modelId: string) {
  return useQuery({
    queryKey: modelKeys.latest(modelId),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/v1/model-versions", {
          params: { query: { model_id: modelId, size: 1, sort_by: "desc:number" } },
          signal,
        }),
      );
      return page.items[0] ?? null;
    },
  });
}
