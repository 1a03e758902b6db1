import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "@/lib/api-client";

/** Log out: the server expires both cookies; nothing of this user stays cached. */
export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<null>("DELETE", "/sessions"),
    onSuccess: () => queryClient.clear(),
  });
}
