import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { ServerRole } from "@/features/settings/lib/types";
import { api, unwrap } from "@/lib/api-client";

/** Give a user another server role. */
export function useSetUserRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, role }: { name: string; role: ServerRole }) =>
      unwrap(
        api.PUT("/api/v1/users/{user_name}/role", {
          params: { path: { user_name: name } },
          body: { role },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.userAccounts() }),
  });
}
