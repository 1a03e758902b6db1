import { useQuery } from "@tanstack/react-query";
import { runKeys } from "@/features/runs/api/run-keys";
import { api, unwrap } from "@/lib/api-client";

/** The metadata keys runs carry (names only), offered as columns of the runs list. */
export function useRunMetadataKeys(enabled: boolean) {
  return useQuery({
    queryKey: runKeys.metadataKeys(),
    queryFn: async ({ signal }) => {
      const keys = await unwrap(
        api.GET("/api/v1/metadata/keys", { params: { query: { resource: "run" } }, signal }),
      );
      return keys.map((key) => key.key);
    },
    enabled,
    staleTime: 60_000,
  });
}
