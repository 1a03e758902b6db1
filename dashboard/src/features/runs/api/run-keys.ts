/** Every query key of the runs feature in one place. */
import type { RunSearch } from "@/features/runs/lib/run-filters";

export const runKeys = {
  all: ["runs"] as const,
  list: (search: RunSearch & { pipelineId?: string }) => [...runKeys.all, "list", search] as const,
  detail: (runId: string) => [...runKeys.all, "detail", runId] as const,
  dag: (runId: string) => [...runKeys.all, "dag", runId] as const,
  users: () => [...runKeys.all, "users"] as const,
};
