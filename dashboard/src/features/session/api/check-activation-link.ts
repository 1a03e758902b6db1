import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api-client";

/** Whom an activation link is for, if it still works (used or expired: the server says). */
export function useActivationLink(token: string) {
  return useQuery({
    queryKey: ["session", "activation-link", token] as const,
    queryFn: ({ signal }) =>
      unwrap(api.POST("/api/v1/activations/check", { body: { token }, signal })),
    // A dead link stays dead: asking again would only repeat the same answer.
    retry: false,
    enabled: token.length > 0,
  });
}
