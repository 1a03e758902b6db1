/** Every query key of the runs feature in one place. */
import type { RunSearch } from "@/features/runs/lib/run-filters";
import { queryScopes } from "@/lib/query-scopes";

export const runKeys = {
  lists: () => queryScopes.runLists(),
  list: (search: RunSearch & { pipelineId?: string }) => [...runKeys.lists(), search] as const,
  detail: (runId: string) => [...queryScopes.run(runId), "detail"] as const,
  dag: (runId: string) => queryScopes.runDag(runId),
  users: () => ["users"] as const,
  metadataKeys: () => ["runs", "metadata-keys"] as const,
  savedViews: (project: string) => ["runs", "saved-views", project] as const,
};
