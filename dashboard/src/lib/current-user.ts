/** Who is using the dashboard (`GET /me`), and what their server role lets them do. */
import { useQuery } from "@tanstack/react-query";
import type { ServerRole } from "@/api/types";
import { api, unwrap } from "@/lib/api-client";

export const CURRENT_USER_KEY = ["me"] as const;

/** The calling user (and whether the server requires a login); in local mode the
 * default user, who may do everything. */
export function useCurrentUser() {
  return useQuery({
    queryKey: CURRENT_USER_KEY,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/me", { signal })),
    staleTime: 60_000,
    // A 401 means "log in", not "try again".
    retry: false,
  });
}

const WRITERS: Record<ServerRole, boolean> = { viewer: false, member: true, admin: true };

/** Whether a role may change things (delete runs, say): viewers only read. */
export function mayWrite(role: ServerRole): boolean {
  return WRITERS[role];
}
