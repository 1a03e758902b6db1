import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { groupStageHolders } from "@/features/models/lib/stage-holders";
import { api, unwrap } from "@/lib/api-client";

// The server's page limit, far above two holders per model times their arrivals.
const MAX_ITEMS = 10_000;

function oneOf(ids: string[]): string {
  return `oneof:[${ids.join(",")}]`;
}

/** Who holds staging and production in each of the models, and since when (2 requests). */
export function useStageHolders(modelIds: string[]) {
  return useQuery({
    queryKey: modelKeys.holders(modelIds),
    enabled: modelIds.length > 0,
    queryFn: async ({ signal }) => {
      const holders = await unwrap(
        api.GET("/api/v1/model-versions", {
          params: {
            query: {
              model_id: oneOf(modelIds),
              stage: "oneof:[staging,production]",
              size: MAX_ITEMS,
            },
          },
          signal,
        }),
      );
      if (holders.items.length === 0) return groupStageHolders([], []);
      const arrivals = await unwrap(
        api.GET("/api/v1/stage-transitions", {
          params: {
            query: {
              model_version_id: oneOf(holders.items.map((v) => v.id)),
              outcome: "applied",
              to_stage: "oneof:[staging,production]",
              sort_by: "desc:created",
              size: MAX_ITEMS,
            },
          },
          signal,
        }),
      );
      return groupStageHolders(holders.items, arrivals.items);
    },
  });
}
