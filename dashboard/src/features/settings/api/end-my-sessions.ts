import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrapEmpty } from "@/lib/api-client";

/** Log out everywhere: every token and session of the caller ends on the server. */
export function useEndMySessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapEmpty(api.DELETE("/api/v1/me/sessions")),
    onSuccess: () => queryClient.clear(),
  });
}
