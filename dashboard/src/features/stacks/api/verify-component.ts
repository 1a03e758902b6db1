import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StackComponent } from "@/api/types";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import { timedVerifications } from "@/features/stacks/lib/verification";
import { rememberVerification } from "@/features/stacks/lib/verification-memory";
import { api, unwrap } from "@/lib/api-client";

/** Verify an artifact store from the server: write, read back and delete a probe. The
 * answer is also its connector's last known verification, when it names one. */
export function useVerifyComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (component: StackComponent) =>
      timedVerifications(async () => [
        await unwrap(
          api.POST("/api/v1/stack-components/{component_id}/verify", {
            params: { path: { component_id: component.id } },
          }),
        ),
      ]),
    onSuccess: (result, component) => {
      const connector = component.settings.connector;
      if (typeof connector !== "string") return;
      rememberVerification(connector, result);
      queryClient.setQueryData(connectorKeys.verification(connector), result);
    },
  });
}
