import { useQuery } from "@tanstack/react-query";
import type { ArtifactVersion } from "@/api/types";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { getJson } from "@/lib/api-client";

/** One artifact version: where it is, its type, size, metadata and visualizations. */
export function useArtifactVersion(artifactVersionId: string) {
  return useQuery({
    queryKey: artifactKeys.detail(artifactVersionId),
    queryFn: ({ signal }) =>
      getJson<ArtifactVersion>(`/artifact-versions/${artifactVersionId}`, {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
