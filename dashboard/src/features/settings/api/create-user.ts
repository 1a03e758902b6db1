import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { ServerRole } from "@/features/settings/lib/types";
import { api, unwrap } from "@/lib/api-client";

export interface UserInput {
  name: string;
  password: string;
  role: ServerRole;
}

/** Create a user who can log in (or reset one's password and server role). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: UserInput) => unwrap(api.POST("/api/v1/users", { body: user })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.users() });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.userAccounts() });
    },
  });
}
