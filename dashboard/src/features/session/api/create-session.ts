import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api-client";

export interface Credentials {
  username: string;
  password: string;
}

/** Log in: the server sets the session and CSRF cookies; every cached answer is dropped. */
export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      unwrap(api.POST("/api/v1/sessions", { body: credentials })),
    // Whatever was cached was fetched without a login (or as someone else).
    onSuccess: () => queryClient.clear(),
  });
}
