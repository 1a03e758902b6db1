import type { CatalogSearch } from "@/features/artifacts/lib/catalog-search";

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
  lists: () => [...artifactKeys.all, "list"] as const,
  list: (search: CatalogSearch) => [...artifactKeys.lists(), search] as const,
  /** An artifact (the named series); its versions' keys start with this one. */
  artifact: (artifactId: string) => [...artifactKeys.all, "artifact", artifactId] as const,
  versions: (artifactId: string, page: number) =>
    [...artifactKeys.artifact(artifactId), "versions", page] as const,
  series: (artifactId: string) => [...artifactKeys.artifact(artifactId), "series"] as const,
  producers: (stepRunIds: readonly string[]) =>
    [...artifactKeys.all, "producers", ...stepRunIds] as const,
  tags: () => [...artifactKeys.all, "tags"] as const,
};
