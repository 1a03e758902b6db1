import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** The users the caller may see, by name. */
export function useUsers() {
  return useQuery({
    queryKey: settingsKeys.users(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/users", { params: { query: { size: 500, sort_by: "asc:name" } }, signal }),
      ),
  });
}
