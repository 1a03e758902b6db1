import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { type CatalogSearch, toCatalogQuery } from "@/features/artifacts/lib/catalog-search";
import { api, unwrap } from "@/lib/api-client";

/** A page of artifacts, each with its latest version and producer (one request). */
export function useArtifacts(search: CatalogSearch) {
  return useQuery({
    queryKey: artifactKeys.list(search),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/artifacts", { params: { query: toCatalogQuery(search) }, signal })),
    placeholderData: keepPreviousData,
  });
}
