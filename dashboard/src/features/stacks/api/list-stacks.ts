import { useQuery } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

const MAX_STACKS = 500;

/** Every stack with its components, by name. */
export function useStacks() {
  return useQuery({
    queryKey: stackKeys.list(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/stacks", {
          params: { query: { size: MAX_STACKS, sort_by: "asc:name" } },
          signal,
        }),
      ),
  });
}
