import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { metadataKeys, type SeriesWindow } from "@/features/metadata/api/metadata-keys";
import type { MetadataResource } from "@/features/metadata/lib/explorer-search";
import { api, unwrap } from "@/lib/api-client";

/** A key's values over time (the newest `last`), bucketed by the server past `maxPoints`. */
export function useMetadataSeries(resource: MetadataResource, key: string, window: SeriesWindow) {
  return useQuery({
    queryKey: metadataKeys.series(resource, key, window),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/metadata/series", {
          params: { query: { key, resource, max_points: window.maxPoints, last: window.last } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
