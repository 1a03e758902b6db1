/** Every query key of the pipelines feature in one place. */
import { queryScopes } from "@/lib/query-scopes";

export const pipelineKeys = {
  all: queryScopes.pipelines(),
  list: () => [...pipelineKeys.all, "list"] as const,
  detail: (pipelineId: string) => [...pipelineKeys.all, "detail", pipelineId] as const,
  summary: (pipelineId: string) => [...pipelineKeys.all, "summary", pipelineId] as const,
  versions: (pipelineId: string, page: number) =>
    [...pipelineKeys.all, "versions", pipelineId, page] as const,
};
