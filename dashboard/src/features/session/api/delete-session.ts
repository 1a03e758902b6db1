import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrapEmpty } from "@/lib/api-client";

/** Log out: the server expires both cookies; nothing of this user stays cached. */
export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapEmpty(api.DELETE("/api/v1/sessions")),
    onSuccess: () => queryClient.clear(),
  });
}
