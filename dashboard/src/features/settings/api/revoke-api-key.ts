import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Make a key stop working now. */
export function useRevokeApiKey(account: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(api.POST("/api/v1/api-keys/{key_id}/revoke", { params: { path: { key_id: keyId } } })),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: settingsKeys.apiKeys(account) }),
  });
}
