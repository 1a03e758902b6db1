import type { RunDag } from "@/api/types";

/** The run as its steps stand now: of a retried step (one step run per attempt) only its
 * latest attempt, and the edges of the attempts kept. The step panel lists the others. */
export function latestAttempts(dag: RunDag): RunDag {
  const latestByName = new Map<string, RunDag["steps"][number]>();
  for (const step of dag.steps) {
    const seen = latestByName.get(step.name);
    if (!seen || step.created >= seen.created) latestByName.set(step.name, step);
  }
  if (latestByName.size === dag.steps.length) return dag;
  const kept = new Set([...latestByName.values()].map((step) => step.id));
  return {
    ...dag,
    steps: dag.steps.filter((step) => kept.has(step.id)),
    edges: dag.edges.filter((edge) => kept.has(edge.step_run_id)),
  };
}
