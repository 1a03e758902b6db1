/** Every query key of the artifacts feature in one place. */
export const artifactKeys = {
  all: ["artifacts"] as const,
  detail: (artifactVersionId: string) =>
    [...artifactKeys.all, "detail", artifactVersionId] as const,
  files: (artifactVersionId: string) =>
    [...artifactKeys.all, "detail", artifactVersionId, "files"] as const,
  visualization: (artifactVersionId: string, index: number) =>
    [...artifactKeys.all, "visualization", artifactVersionId, index] as const,
  producer: (stepRunId: string) => [...artifactKeys.all, "producer", stepRunId] as const,
  consumers: (artifactVersionId: string, page: number) =>
    [...artifactKeys.all, "consumers", artifactVersionId, page] as const,
};
