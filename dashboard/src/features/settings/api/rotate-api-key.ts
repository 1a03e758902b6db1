import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Replace a key; the old one keeps working for the grace period. */
export function useRotateApiKey(account: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keyId, graceSeconds }: { keyId: string; graceSeconds: number }) =>
      unwrap(
        api.POST("/api/v1/api-keys/{key_id}/rotate", {
          params: { path: { key_id: keyId } },
          body: { grace_seconds: graceSeconds },
        }),
      ),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: settingsKeys.apiKeys(account) }),
  });
}
