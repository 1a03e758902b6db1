import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Replace a custom role's permissions; every grant of it holds the new ones at once. */
export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, permissions }: { name: string; permissions: string[] }) =>
      unwrap(
        api.PUT("/api/v1/roles/{role_name}", {
          params: { path: { role_name: name } },
          body: { permissions },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.roles() }),
  });
}
