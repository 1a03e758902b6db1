import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** A service account's keys (never their secrets), ended ones included. */
export function useApiKeys(account: string) {
  return useQuery({
    queryKey: settingsKeys.apiKeys(account),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/service-accounts/{account}/api-keys", {
          params: { path: { account } },
          signal,
        }),
      ),
  });
}
