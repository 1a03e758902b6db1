import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** The teams the caller may see, with their members. */
export function useTeams() {
  return useQuery({
    queryKey: settingsKeys.teams(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams", { signal })),
  });
}
