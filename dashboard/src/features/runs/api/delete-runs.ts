import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { runKeys } from "@/features/runs/api/run-keys";
import { api, errorMessage, unwrapEmpty } from "@/lib/api-client";

export interface RunDeletion {
  runId: string;
  runName: string;
}

export interface FailedDeletion extends RunDeletion {
  message: string;
}

export interface DeleteRunsResult {
  deleted: string[];
  failed: FailedDeletion[];
}

/** How far a bulk delete has come: runs done (deleted or failed) out of all. */
export interface DeleteProgress {
  done: number;
  total: number;
}

/** Delete runs one request at a time, reporting progress and every failure by run. */
export async function deleteRuns(
  runs: RunDeletion[],
  onProgress: (progress: DeleteProgress) => void,
): Promise<DeleteRunsResult> {
  const result: DeleteRunsResult = { deleted: [], failed: [] };
  for (const [index, run] of runs.entries()) {
    try {
      await unwrapEmpty(
        api.DELETE("/api/v1/runs/{run_id}", { params: { path: { run_id: run.runId } } }),
      );
      result.deleted.push(run.runId);
    } catch (error) {
      result.failed.push({ ...run, message: errorMessage(error) });
    }
    onProgress({ done: index + 1, total: runs.length });
  }
  return result;
}

/** Bulk delete of runs; the run lists refetch once it ends, whatever the outcome. */
export function useDeleteRuns() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<DeleteProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (runs: RunDeletion[]) => deleteRuns(runs, setProgress),
    onSettled: async (result) => {
      for (const runId of result?.deleted ?? []) {
        queryClient.removeQueries({ queryKey: runKeys.detail(runId) });
        queryClient.removeQueries({ queryKey: runKeys.dag(runId) });
      }
      await queryClient.invalidateQueries({ queryKey: runKeys.lists() });
    },
  });
  return { ...mutation, progress };
}
