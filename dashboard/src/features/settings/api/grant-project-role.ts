import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { PrincipalKind } from "@/features/settings/lib/types";
import { api, unwrap } from "@/lib/api-client";

export interface GrantInput {
  kind: PrincipalKind;
  name: string;
  role: string;
}

/** Give a user or team a role in a project (replacing the role it held there). */
export function useGrantProjectRole(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grant: GrantInput) =>
      unwrap(
        api.PUT("/api/v1/projects/{project_id}/members", {
          params: { path: { project_id: project } },
          body: grant,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.members(project) });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.hierarchy() });
    },
  });
}
