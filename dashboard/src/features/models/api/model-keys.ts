/** Every query key of the models feature in one place. */
import type { ApprovalFilter } from "@/features/models/api/list-approval-requests";
import type { ModelListSearch } from "@/features/models/lib/model-list-search";

export const modelKeys = {
  all: ["models"] as const,
  list: (search: ModelListSearch) => [...modelKeys.all, "list", search] as const,
  detail: (name: string) => [...modelKeys.all, "detail", name] as const,
  latest: (modelId: string) => [...modelKeys.all, "latest", modelId] as const,
  holders: (modelIds: string[]) => [...modelKeys.all, "holders", modelIds] as const,
  versions: (modelId: string, page: number, sort: string, stage: string) =>
    [...modelKeys.all, "versions", modelId, page, sort, stage] as const,
  version: (modelName: string, number: number) =>
    [...modelKeys.all, "version", modelName, number] as const,
  links: (versionId: string) => [...modelKeys.all, "links", versionId] as const,
  history: (modelId: string) => [...modelKeys.all, "history", modelId] as const,
  versionHistory: (versionId: string) => [...modelKeys.all, "version-history", versionId] as const,
  approvals: (filter: ApprovalFilter) => [...modelKeys.all, "approvals", filter] as const,
  approvers: (requestId: string) => [...modelKeys.all, "approvers", requestId] as const,
  run: (runId: string) => [...modelKeys.all, "run", runId] as const,
  runDag: (runId: string) => [...modelKeys.all, "run-dag", runId] as const,
};
