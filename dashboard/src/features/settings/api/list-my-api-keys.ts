import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** The caller's own API keys (never their secrets), ended ones included. */
export function useMyApiKeys() {
  return useQuery({
    queryKey: settingsKeys.myApiKeys(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/me/api-keys", { signal })),
  });
}
