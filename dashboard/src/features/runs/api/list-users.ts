import { useQuery } from "@tanstack/react-query";
import { runKeys } from "@/features/runs/api/run-keys";
import { api, unwrap } from "@/lib/api-client";

const MAX_USERS = 500;

/** The users runs can be filtered by, by name. */
export function useUsers() {
  return useQuery({
    queryKey: runKeys.users(),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/users", {
          params: { query: { size: MAX_USERS, sort_by: "asc:name" } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });
}
