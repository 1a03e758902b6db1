/** Every query key of the pipelines feature in one place. */
export const pipelineKeys = {
  all: ["pipelines"] as const,
  list: () => [...pipelineKeys.all, "list"] as const,
  detail: (pipelineId: string) => [...pipelineKeys.all, "detail", pipelineId] as const,
  summary: (pipelineId: string) => [...pipelineKeys.all, "summary", pipelineId] as const,
  versions: (pipelineId: string, page: number) =>
    [...pipelineKeys.all, "versions", pipelineId, page] as const,
};
