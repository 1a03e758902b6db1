/**
 * The critical path of a run: the chain of steps that set its duration. Walk back from the
 * step that ended last, each time to the upstream step that finished last (the one the
 * step had to wait for).
 */
import type { DagEdge } from "@/api/types";

export interface TimedStep {
  id: string;
  /** Milliseconds since the epoch; null if the step never started. */
  startMs: number | null;
  endMs: number | null;
}

/** Step run id -> ids of the step runs of this run whose outputs it read. */
export function upstreamSteps(edges: DagEdge[]): Map<string, string[]> {
  const producer = new Map<string, string>();
  for (const edge of edges) {
    if (edge.kind === "output") producer.set(edge.artifact_version_id, edge.step_run_id);
  }
  const upstream = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.kind !== "input") continue;
    const source = producer.get(edge.artifact_version_id);
    if (!source || source === edge.step_run_id) continue;
    const list = upstream.get(edge.step_run_id) ?? [];
    if (!list.includes(source)) list.push(source);
    upstream.set(edge.step_run_id, list);
  }
  return upstream;
}

/** Ids of the steps on the critical path, first step first. */
export function criticalPath(steps: TimedStep[], upstream: Map<string, string[]>): string[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  let last: TimedStep | null = null;
  for (const step of steps) {
    if (step.endMs === null) continue;
    if (!last || (last.endMs ?? 0) < step.endMs) last = step;
  }
  const path: string[] = [];
  const visited = new Set<string>();
  let current = last;
  while (current && !visited.has(current.id)) {
    path.push(current.id);
    visited.add(current.id);
    let gate: TimedStep | null = null;
    for (const id of upstream.get(current.id) ?? []) {
      const candidate = byId.get(id);
      if (candidate?.endMs == null) continue;
      if (!gate || (gate.endMs ?? 0) < candidate.endMs) gate = candidate;
    }
    current = gate;
  }
  return path.reverse();
}
