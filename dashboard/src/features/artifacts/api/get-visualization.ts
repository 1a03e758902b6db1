import { queryOptions, useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, apiUrl, unwrap } from "@/lib/api-client";

/** The URL of an artifact version's `index`-th visualization (for images and iframes). */
export function visualizationUrl(artifactVersionId: string, index: number): string {
  return apiUrl(`/artifact-versions/${artifactVersionId}/visualizations/${index}`);
}

/** The query of a text visualization's content, for one view or many side by side. */
export function visualizationTextQuery(artifactVersionId: string, index: number) {
  return queryOptions({
    queryKey: artifactKeys.visualization(artifactVersionId, index),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/artifact-versions/{artifact_version_id}/visualizations/{index}", {
          params: { path: { artifact_version_id: artifactVersionId, index } },
          parseAs: "text",
          signal,
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A text visualization's content (CSV, JSON, markdown). */
export function useVisualizationText(artifactVersionId: string, index: number) {
  return useQuery(visualizationTextQuery(artifactVersionId, index));
}
