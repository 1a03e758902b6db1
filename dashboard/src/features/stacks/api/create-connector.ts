import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ServiceConnectorType } from "@/api/types";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

export interface ConnectorRegistration {
  name: string;
  type: ServiceConnectorType;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** Register a connector; the server checks its settings against the type again. */
export function useCreateConnector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectorRegistration) =>
      unwrap(
        api.POST("/api/v1/service-connectors", {
          // In server mode the server records its logged-in user instead.
          body: { ...body, project_name: "default", user_name: "default" },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectorKeys.list() }),
  });
}
