import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** The users and teams holding a role in a project. */
export function useProjectMembers(project: string) {
  return useQuery({
    queryKey: settingsKeys.members(project),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/members", {
          params: { path: { project_id: project } },
          signal,
        }),
      ),
  });
}
