import { useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, apiUrl, unwrap } from "@/lib/api-client";

/** The files an artifact version's materializer saved. */
export function useArtifactFiles(artifactVersionId: string) {
  return useQuery({
    queryKey: artifactKeys.files(artifactVersionId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/artifact-versions/{artifact_version_id}/files", {
          params: { path: { artifact_version_id: artifactVersionId } },
          signal,
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function artifactFileUrl(artifactVersionId: string, path: string): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return apiUrl(`/artifact-versions/${artifactVersionId}/files/${encoded}`);
}
