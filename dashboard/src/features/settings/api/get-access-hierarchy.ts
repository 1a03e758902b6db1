import { useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** The projects the caller may see members of, with who holds which role. */
export function useAccessHierarchy() {
  return useQuery({
    queryKey: settingsKeys.hierarchy(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/access/hierarchy", { signal })),
  });
}
