import { useQuery } from "@tanstack/react-query";
import type { ArtifactFile } from "@/api/types";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { apiUrl, getJson } from "@/lib/api-client";

/** The files an artifact version's materializer saved. */
export function useArtifactFiles(artifactVersionId: string) {
  return useQuery({
    queryKey: [...artifactKeys.detail(artifactVersionId), "files"],
    queryFn: ({ signal }) =>
      getJson<ArtifactFile[]>(`/artifact-versions/${artifactVersionId}/files`, {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function artifactFileUrl(artifactVersionId: string, path: string): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return apiUrl(`/artifact-versions/${artifactVersionId}/files/${encoded}`);
}
