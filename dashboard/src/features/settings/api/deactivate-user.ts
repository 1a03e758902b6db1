import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Stop a user from logging in; their sessions end now. */
export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.POST("/api/v1/users/{user_name}/deactivate", {
          params: { path: { user_name: name } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.userAccounts() }),
  });
}
