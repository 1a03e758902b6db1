/**
 * The first parts of the query keys that live events refetch by. Each feature's query keys
 * start with one of these, so the event stream (which knows runs and step runs, not
 * features) refetches exactly what an event is about and nothing else.
 */
export const queryScopes = {
  /** Every list of runs, whatever its filters and page. */
  runLists: () => ["run-lists"] as const,
  /** Everything about one run: its record and its steps. */
  run: (runId: string) => ["run", runId] as const,
  /** A run's steps (its DAG and timeline). */
  runSteps: (runId: string) => [...queryScopes.run(runId), "steps"] as const,
  /** A run's DAG: live step events patch it in place rather than refetch it. */
  runDag: (runId: string) => [...queryScopes.runSteps(runId), "dag"] as const,
  /** Everything about one step run: its record, log and cache explanation. */
  stepRun: (stepRunId: string) => ["step-run", stepRunId] as const,
  /** Pipelines with their run counts and latest runs. */
  pipelines: () => ["pipelines"] as const,
};
