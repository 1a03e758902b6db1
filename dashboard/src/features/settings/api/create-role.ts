import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Create a custom role from permissions (`run:read`, ...). */
export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: { name: string; permissions: string[] }) =>
      unwrap(api.POST("/api/v1/roles", { body: role })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.roles() }),
  });
}
