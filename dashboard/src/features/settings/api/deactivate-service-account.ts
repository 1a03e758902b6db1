import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Stop a service account: every key of it stops working at once. */
export function useDeactivateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: string) =>
      unwrap(
        api.POST("/api/v1/service-accounts/{account}/deactivate", {
          params: { path: { account } },
        }),
      ),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: settingsKeys.serviceAccounts() }),
  });
}
