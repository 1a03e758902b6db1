import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Every service account, deactivated ones included (server admins only). */
export function useServiceAccounts() {
  return useQuery({
    queryKey: settingsKeys.serviceAccounts(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/service-accounts", { signal })),
  });
}
