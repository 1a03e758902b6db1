import { useQuery } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** The connector types (aws, gcp, azure, generic), each with its settings' JSON Schema. */
export function useConnectorTypes() {
  return useQuery({
    queryKey: connectorKeys.types(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/service-connector-types", { signal })),
    staleTime: 5 * 60_000,
  });
}
