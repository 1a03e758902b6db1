import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api-client";

/** Set a new user's first password with their activation link, which then stops working. */
export function useActivateUser() {
  return useMutation({
    mutationFn: (activation: { token: string; password: string }) =>
      unwrap(api.POST("/api/v1/activations", { body: activation })),
  });
}
