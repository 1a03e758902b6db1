import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Every permission a user holds in a project. */
export function useEffectivePermissions(user: string, project: string) {
  return useQuery({
    queryKey: settingsKeys.effective(user, project),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/access/effective-permissions", {
          params: { query: { user, project } },
          signal,
        }),
      ),
    enabled: Boolean(user && project),
    retry: false,
  });
}
