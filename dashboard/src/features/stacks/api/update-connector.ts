import { useMutation, useQueryClient } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

export interface ConnectorChange {
  connectorId: string;
  settings: Record<string, unknown>;
  secrets?: Record<string, string>;
}

/** Replace a connector's settings (a secret changes only when given). */
export function useUpdateConnector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ connectorId, ...body }: ConnectorChange) =>
      unwrap(
        api.PATCH("/api/v1/service-connectors/{connector_id}", {
          params: { path: { connector_id: connectorId } },
          // The server records its logged-in user instead, in server mode.
          body: { ...body, user_name: "default" },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectorKeys.all }),
  });
}
