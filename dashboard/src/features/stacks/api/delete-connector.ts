import { useMutation, useQueryClient } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrapEmpty } from "@/lib/api-client";

/** Delete a connector; the server refuses while a component names it, naming them. */
export function useDeleteConnector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectorId: string) =>
      unwrapEmpty(
        api.DELETE("/api/v1/service-connectors/{connector_id}", {
          params: { path: { connector_id: connectorId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectorKeys.list() }),
  });
}
