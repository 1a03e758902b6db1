import { useMutation, useQueryClient } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { type TimedVerifications, timedVerifications } from "@/features/stacks/lib/verification";
import { rememberVerification } from "@/features/stacks/lib/verification-memory";
import { api, unwrap } from "@/lib/api-client";

export interface ConnectorVerifyRequest {
  connectorName: string;
  /** Where to try; unset: each artifact store that uses the connector. */
  location?: string;
}

/** Verify a connector from the server; the answer is kept as its last known result. */
export function useVerifyConnector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ connectorName, location }: ConnectorVerifyRequest) =>
      timedVerifications(() =>
        unwrap(
          api.POST("/api/v1/service-connectors/{connector_id}/verify", {
            params: { path: { connector_id: connectorName } },
            body: location ? { location } : {},
          }),
        ),
      ),
    onSuccess: (result: TimedVerifications, { connectorName }) => {
      rememberVerification(connectorName, result);
      queryClient.setQueryData(connectorKeys.verification(connectorName), result);
    },
  });
}
