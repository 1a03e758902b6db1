import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Make one of the caller's own keys stop working now. */
export function useRevokeMyApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(
        api.POST("/api/v1/me/api-keys/{key_id}/revoke", { params: { path: { key_id: keyId } } }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.myApiKeys() }),
  });
}
