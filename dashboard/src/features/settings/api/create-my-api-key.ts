import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Make a key that acts as the caller; the answer holds the raw key, this once. */
export function useCreateMyApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: { name: string; expires_in_days: number | null }) =>
      unwrap(api.POST("/api/v1/me/api-keys", { body: key })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.myApiKeys() }),
  });
}
