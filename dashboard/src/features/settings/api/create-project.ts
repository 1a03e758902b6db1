import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Create a project; its creator becomes its admin. */
export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST("/api/v1/projects", { body: { name } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.projects() });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.hierarchy() });
    },
  });
}
