import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Every person who logs in with a password, with their server role (admins only). */
export function useUserAccounts() {
  return useQuery({
    queryKey: settingsKeys.userAccounts(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/user-accounts", { signal })),
  });
}
