import { useMutation } from "@tanstack/react-query";
import { timedVerifications } from "@/features/stacks/lib/verification";
import { api, unwrap } from "@/lib/api-client";

/** Verify an artifact store from the server: write, read back and delete a probe. */
export function useVerifyComponent() {
  return useMutation({
    mutationFn: (componentId: string) =>
      timedVerifications(async () => [
        await unwrap(
          api.POST("/api/v1/stack-components/{component_id}/verify", {
            params: { path: { component_id: componentId } },
          }),
        ),
      ]),
  });
}
