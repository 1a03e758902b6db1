import { useMutation, useQueryClient } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { type TimedVerifications, timedVerifications } from "@/features/stacks/lib/verification";
import { api, unwrap } from "@/lib/api-client";

export interface ConnectorVerifyRequest {
  connectorId: string;
  /** Where to try; unset: each artifact store that uses the connector. */
  location?: string;
}

/** Verify a connector from the server; the answer is kept as its last known result. */
export function useVerifyConnector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ connectorId, location }: ConnectorVerifyRequest) =>
      timedVerifications(() =>
        unwrap(
          api.POST("/api/v1/service-connectors/{connector_id}/verify", {
            params: { path: { connector_id: connectorId } },
            body: location ? { location } : {},
          }),
        ),
      ),
    onSuccess: (result: TimedVerifications, { connectorId }) =>
      queryClient.setQueryData(connectorKeys.verification(connectorId), result),
  });
}
