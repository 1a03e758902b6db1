import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** The projects the caller may read, by name (the switcher's and forms' choices). */
export function useProjects() {
  return useQuery({
    queryKey: settingsKeys.projects(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/projects", {
          params: { query: { size: 500, sort_by: "asc:name" } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}
