import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { ServerRole } from "@/features/settings/lib/types";
import { api, unwrap } from "@/lib/api-client";

/** Create a service account: a user that authenticates with API keys only. */
export function useCreateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: { name: string; role: ServerRole; description: string | null }) =>
      unwrap(api.POST("/api/v1/service-accounts", { body: account })),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: settingsKeys.serviceAccounts() }),
  });
}
