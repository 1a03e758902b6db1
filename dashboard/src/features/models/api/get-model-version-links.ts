import { useQueries, useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

function linksQuery(versionId: string) {
  return {
    queryKey: modelKeys.links(versionId),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(
        api.GET("/api/v1/model-versions/{version_id}/links", {
          params: { path: { version_id: versionId } },
          signal,
        }),
      ),
  };
}

/** The artifact versions and runs (oldest first: the first made it) of a version. */
export function useModelVersionLinks(versionId: string) {
  return useQuery(linksQuery(versionId));
}

/** The links of several versions, in the order given. */
export function useManyModelVersionLinks(versionIds: string[]) {
  return useQueries({ queries: versionIds.map(linksQuery) });
}
