import { useQuery } from "@tanstack/react-query";
import type { Me } from "@/api/types";
import { sessionKeys } from "@/features/session/api/session-keys";
import { getJson } from "@/lib/api-client";

/** Who is calling, and whether this server requires a login at all. */
export function useMe() {
  return useQuery({
    queryKey: sessionKeys.me,
    queryFn: ({ signal }) => getJson<Me>("/me", {}, signal),
    staleTime: 60_000,
    retry: false,
  });
}
