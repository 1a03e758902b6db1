import { useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrap } from "@/lib/api-client";

/** One artifact version: where it is, its type, size, metadata and visualizations. */
export function useArtifactVersion(artifactVersionId: string) {
  return useQuery({
    queryKey: artifactKeys.detail(artifactVersionId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/artifact-versions/{artifact_version_id}", {
          params: { path: { artifact_version_id: artifactVersionId } },
          signal,
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
