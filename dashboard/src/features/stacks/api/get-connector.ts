import { useQuery } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** One service connector by name or id; its secrets only "set" or "not set". */
export function useConnector(name: string) {
  return useQuery({
    queryKey: connectorKeys.detail(name),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/service-connectors/{connector_id}", {
          params: { path: { connector_id: name } },
          signal,
        }),
      ),
  });
}
