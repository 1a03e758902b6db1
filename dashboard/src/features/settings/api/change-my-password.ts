import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api-client";

/** Change the caller's own password: their other sessions end, this one gets new cookies. */
export function useChangeMyPassword() {
  return useMutation({
    mutationFn: (change: { current_password: string; new_password: string }) =>
      unwrap(api.PUT("/api/v1/me/password", { body: change })),
  });
}
