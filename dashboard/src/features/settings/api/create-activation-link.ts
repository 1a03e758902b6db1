import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { ServerRole } from "@/features/settings/lib/types";
import { api, unwrap } from "@/lib/api-client";

/** Create a user without a password and a one-time link for them to set one. */
export function useCreateActivationLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: { name: string; role: ServerRole; expires_in_hours: number }) =>
      unwrap(api.POST("/api/v1/users/activation-links", { body: user })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.users() });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.userAccounts() });
    },
  });
}
