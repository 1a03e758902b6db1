import { useQuery } from "@tanstack/react-query";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrap } from "@/lib/api-client";

/** The step and run that made a version. */
export interface Producer {
  stepRunId: string;
  stepName: string;
  runId: string;
  runName: string;
}

const oneOf = (ids: readonly string[]) => `oneof:[${ids.join(",")}]`;

async function fetchProducers(
  stepRunIds: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, Producer>> {
  const steps = await unwrap(
    api.GET("/api/v1/step-runs", {
      params: { query: { id: oneOf(stepRunIds), size: stepRunIds.length } },
      signal,
    }),
  );
  const runIds = [...new Set(steps.items.map((step) => step.run_id))];
  const runs =
    runIds.length === 0
      ? { items: [] }
      : await unwrap(
          api.GET("/api/v1/runs", {
            params: { query: { id: oneOf(runIds), size: runIds.length } },
            signal,
          }),
        );
  const runNames = new Map(runs.items.map((run) => [run.id, run.name]));
  return new Map(
    steps.items.map((step) => [
      step.id,
      {
        stepRunId: step.id,
        stepName: step.name,
        runId: step.run_id,
        runName: runNames.get(step.run_id) ?? step.run_id,
      },
    ]),
  );
}

/** The producers of a page of versions, in two requests whatever the page's size. */
export function useProducers(stepRunIds: readonly string[]) {
  const ids = [...new Set(stepRunIds)].sort();
  return useQuery({
    queryKey: artifactKeys.producers(ids),
    queryFn: ({ signal }) => fetchProducers(ids, signal),
    enabled: ids.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
