import { useQuery } from "@tanstack/react-query";
import { componentKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

const MAX_COMPONENTS = 1000;

/** Every stack component, by type then name (filtered on the page). */
export function useComponents() {
  return useQuery({
    queryKey: componentKeys.list(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/stack-components", {
          params: { query: { size: MAX_COMPONENTS, sort_by: "asc:name" } },
          signal,
        }),
      ),
  });
}
