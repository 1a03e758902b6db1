/** A small run DAG shaped like the API's answer: load -> train -> evaluate, train failed. */
import type { DagStep, ExecutionStatus, RunDag } from "@/api/types";

export function dagStep(
  id: string,
  status: ExecutionStatus,
  started: string | null,
  ended: string | null,
): DagStep {
  return {
    id,
    name: id,
    status,
    created: started ?? "2026-01-01T00:00:00Z",
    started,
    ended,
    cache_key: `key-${id}`,
    original_step_run_id: null,
    cpu_seconds: null,
    peak_memory_bytes: null,
  };
}

export function artifact(id: string, producer: string | null) {
  return {
    id,
    artifact_name: id,
    version: 1,
    data_type: "builtins.list",
    size_bytes: 10,
    content_hash: `hash-${id}`,
    producer_step_run_id: producer,
  };
}

export const SMALL_DAG: RunDag = {
  run: {
    id: "run-1",
    name: "training-1",
    pipeline_id: "p",
    pipeline_name: "training",
    pipeline_version_id: "v",
    status: "running",
    created: "2026-01-01T00:00:00Z",
    started: "2026-01-01T00:00:00Z",
    ended: null,
    tags: [],
    config: {},
    orchestrator: "local",
    exception: null,
    metadata: {},
    heartbeat: null,
    project_id: "project",
    user_id: "user",
  },
  pending_steps: [
    { name: "evaluate", upstream: ["train"] },
    { name: "report", upstream: ["evaluate", "load"] },
  ],
  steps: [
    dagStep("load", "cached", "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z"),
    dagStep("train", "completed", "2026-01-01T00:00:01Z", "2026-01-01T00:00:05Z"),
  ],
  artifacts: [artifact("data", "load"), artifact("model", "train")],
  edges: [
    { kind: "output", step_run_id: "load", artifact_version_id: "data", name: "output" },
    { kind: "input", step_run_id: "train", artifact_version_id: "data", name: "data" },
    { kind: "output", step_run_id: "train", artifact_version_id: "model", name: "output" },
  ],
};
