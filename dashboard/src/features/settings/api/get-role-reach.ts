import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Who holds a role and in which projects: what changing it reaches. */
export function useRoleReach(role: string | null) {
  return useQuery({
    queryKey: settingsKeys.roleReach(role ?? ""),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/roles/{role_name}/reach", {
          params: { path: { role_name: role ?? "" } },
          signal,
        }),
      ),
    enabled: role !== null,
  });
}
