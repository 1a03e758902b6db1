import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

// The server's page limit: the timeline of a model with more changes shows the latest.
const MAX_TRANSITIONS = 10_000;

/** A model's whole stage history (changes, refusals, rule decisions), oldest first. */
export function useModelHistory(modelId: string) {
  return useQuery({
    queryKey: modelKeys.history(modelId),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/v1/stage-transitions", {
          params: { query: { model_id: modelId, size: MAX_TRANSITIONS, sort_by: "desc:created" } },
          signal,
        }),
      );
      return { ...page, items: [...page.items].reverse() };
    },
  });
}

/** One version's stage history, newest first. */
export function useVersionHistory(versionId: string) {
  return useQuery({
    queryKey: modelKeys.versionHistory(versionId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/stage-transitions", {
          params: {
            query: { model_version_id: versionId, size: 1000, sort_by: "desc:created" },
          },
          signal,
        }),
      ),
  });
}
