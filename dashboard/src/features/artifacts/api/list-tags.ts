import { useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrap } from "@/lib/api-client";

const MAX_TAGS = 500;

/** Every tag name, for the catalog's tag filter. */
export function useTagNames() {
  return useQuery({
    queryKey: artifactKeys.tags(),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/v1/tags", {
          params: { query: { size: MAX_TAGS, sort_by: "asc:name" } },
          signal,
        }),
      );
      return page.items.map((tag) => tag.name);
    },
  });
}
