import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrap } from "@/lib/api-client";

export const VERSIONS_PAGE_SIZE = 20;
/** The chart reads this many of the newest versions at most, in one request. */
export const SERIES_MAX_VERSIONS = 1000;

/** A page of an artifact's versions, newest first. */
export function useArtifactVersions(artifactId: string, page: number) {
  return useQuery({
    queryKey: artifactKeys.versions(artifactId, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/artifact-versions", {
          params: {
            query: {
              artifact_id: artifactId,
              sort_by: "desc:version",
              page,
              size: VERSIONS_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The newest versions with their metadata, for the chart across versions. */
export function useVersionSeries(artifactId: string) {
  return useQuery({
    queryKey: artifactKeys.series(artifactId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/artifact-versions", {
          params: {
            query: { artifact_id: artifactId, sort_by: "desc:version", size: SERIES_MAX_VERSIONS },
          },
          signal,
        }),
      ),
  });
}
