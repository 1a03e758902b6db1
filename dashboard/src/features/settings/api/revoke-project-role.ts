import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { PrincipalKind } from "@/features/settings/lib/types";
import { api, unwrapEmpty } from "@/lib/api-client";

/** Take away the role a user or team holds in a project. */
export function useRevokeProjectRole(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, name }: { kind: PrincipalKind; name: string }) =>
      unwrapEmpty(
        api.DELETE("/api/v1/projects/{project_id}/members/{kind}/{name}", {
          params: { path: { project_id: project, kind, name } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.members(project) });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.hierarchy() });
    },
  });
}
