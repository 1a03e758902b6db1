/**
 * Patching a drawn run DAG as its steps change: the server answers the part of the DAG
 * about the changed step runs (`GET /runs/{id}/dag/steps`), and this folds it into the
 * DAG the page holds, so a 5,000-step run is not fetched whole on every step change.
 */
import type { DagEdge, RunDag, RunDagPatch } from "@/api/types";

/** The most step runs one patch asks for (the server's `MAX_PATCH_STEPS`). */
export const MAX_PATCH_STEPS = 500;

function edgeKey(edge: DagEdge): string {
  return `${edge.kind}|${edge.step_run_id}|${edge.artifact_version_id}|${edge.name}`;
}

function upsertById<T extends { id: string }>(items: readonly T[], changes: readonly T[]): T[] {
  if (changes.length === 0) return [...items];
  const changed = new Map(changes.map((item) => [item.id, item]));
  const merged = items.map((item) => {
    const next = changed.get(item.id);
    if (next === undefined) return item;
    changed.delete(item.id);
    return next;
  });
  // What is left is new: the newest step runs and artifacts come last, as the server sorts.
  return [...merged, ...changed.values()];
}

/**
 * The DAG with the patch's steps and artifacts in place (new ones appended), its new
 * edges added, and pending steps that have now started taken out.
 */
export function mergeDagPatch(dag: RunDag, patch: RunDagPatch): RunDag {
  const known = new Set(dag.edges.map(edgeKey));
  const started = new Set(patch.steps.map((step) => step.name));
  return {
    run: patch.run,
    steps: upsertById(dag.steps, patch.steps),
    artifacts: upsertById(dag.artifacts, patch.artifacts),
    edges: [...dag.edges, ...patch.edges.filter((edge) => !known.has(edgeKey(edge)))],
    pending_steps: dag.pending_steps.filter((pending) => !started.has(pending.name)),
  };
}
