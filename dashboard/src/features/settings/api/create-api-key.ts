import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Make an API key; the answer holds the raw key, this once. */
export function useCreateApiKey(account: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: { name: string; expires_in_days: number | null }) =>
      unwrap(
        api.POST("/api/v1/service-accounts/{account}/api-keys", {
          params: { path: { account } },
          body: key,
        }),
      ),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: settingsKeys.apiKeys(account) }),
  });
}
