import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** The built-in roles, then the custom roles the caller may see. */
export function useRoles() {
  return useQuery({
    queryKey: settingsKeys.roles(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/roles", { signal })),
    staleTime: 30_000,
  });
}
