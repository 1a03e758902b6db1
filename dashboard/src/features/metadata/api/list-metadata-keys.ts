import { useQuery } from "@tanstack/react-query";
import { metadataKeys } from "@/features/metadata/api/metadata-keys";
import type { MetadataResource } from "@/features/metadata/lib/explorer-search";
import { api, unwrap } from "@/lib/api-client";

/** Every metadata key of one resource type, with its types, count, first and last seen. */
export function useMetadataKeys(resource: MetadataResource) {
  return useQuery({
    queryKey: metadataKeys.catalog(resource),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/metadata/keys", { params: { query: { resource } }, signal })),
  });
}
