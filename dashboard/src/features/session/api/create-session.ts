import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BrowserSession } from "@/api/types";
import { sendJson } from "@/lib/api-client";

export interface Credentials {
  username: string;
  password: string;
}

/** Log in: the server sets the session and CSRF cookies; every cached answer is dropped. */
export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      sendJson<BrowserSession>("POST", "/sessions", credentials),
    // Whatever was cached was fetched without a login (or as someone else).
    onSuccess: () => queryClient.clear(),
  });
}
