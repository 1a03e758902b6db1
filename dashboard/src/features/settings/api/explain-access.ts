import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

export interface AccessQuestion {
  user: string;
  permission: string;
  resource: string;
}

/** Why a user may (or may not) do something, as the server's own access check says. */
export function useExplainAccess(question: AccessQuestion | null) {
  return useQuery({
    queryKey: settingsKeys.explain(question ?? {}),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/access/explain", {
          params: { query: question ?? { user: "", permission: "", resource: "" } },
          signal,
        }),
      ),
    enabled: question !== null,
    retry: false,
  });
}
