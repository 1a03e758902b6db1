import { useQuery } from "@tanstack/react-query";
import { comparisonKeys } from "@/features/comparison/api/comparison-keys";
import { api, unwrap } from "@/lib/api-client";

// More than the steps of the ten runs visualized side by side.
const STEP_PAGE = 10_000;
const oneOf = (ids: readonly string[]) => `oneof:[${ids.join(",")}]`;

/** Every step run of these runs in one request, oldest first: which outputs they made. */
export function useRunSteps(runIds: readonly string[]) {
  return useQuery({
    queryKey: comparisonKeys.steps(runIds),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/step-runs", {
          params: { query: { run_id: oneOf(runIds), sort_by: "asc:created", size: STEP_PAGE } },
          signal,
        }),
      ),
    enabled: runIds.length > 0,
    staleTime: 30_000,
  });
}

/** Artifact versions by id in one request (versions the caller cannot read are absent). */
export function useArtifactVersionLookup(ids: readonly string[]) {
  const unique = [...new Set(ids)].sort();
  return useQuery({
    queryKey: comparisonKeys.versions(unique),
    queryFn: ({ signal }) =>
      unwrap(api.POST("/api/v1/artifact-versions/lookup", { body: { ids: unique }, signal })),
    enabled: unique.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
