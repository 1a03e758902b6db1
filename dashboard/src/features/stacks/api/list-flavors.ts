import { useQuery } from "@tanstack/react-query";
import { componentKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** Every flavor the server knows, with its settings' JSON Schema. */
export function useFlavors() {
  return useQuery({
    queryKey: componentKeys.flavors(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flavors", { signal })),
    staleTime: 5 * 60_000,
  });
}
