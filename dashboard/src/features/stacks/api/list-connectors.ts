import { useQuery } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

const MAX_CONNECTORS = 1000;

/** Every service connector, by name. */
export function useConnectors() {
  return useQuery({
    queryKey: connectorKeys.list(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/service-connectors", {
          params: { query: { size: MAX_CONNECTORS, sort_by: "asc:name" } },
          signal,
        }),
      ),
  });
}
