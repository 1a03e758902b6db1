import { useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrap } from "@/lib/api-client";

/** One artifact: its name, tags, version count and latest version. */
export function useArtifact(artifactId: string) {
  return useQuery({
    queryKey: artifactKeys.artifact(artifactId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/artifacts/{artifact_id}", {
          params: { path: { artifact_id: artifactId } },
          signal,
        }),
      ),
  });
}
