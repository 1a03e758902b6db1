import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { RunDag, RunDagPatch } from "@/api/types";
import { MAX_PATCH_STEPS } from "@/lib/dag-patch";
import {
  invalidateLive,
  keysToRefetch,
  type LiveEvent,
  planLive,
  readEvent,
} from "@/lib/live-events";
import { queryScopes } from "@/lib/query-scopes";

function serverEvent(entity: string, entityId: string, runId: string): string {
  return JSON.stringify({
    id: 7,
    entity,
    entity_id: entityId,
    run_id: runId,
    name: "train",
    change: "status",
    status: "completed",
    created: "2026-01-01T00:00:00Z",
  });
}

describe("readEvent", () => {
  it("reads the run of a run event", () => {
    expect(readEvent(serverEvent("run", "r-1", "r-1"))).toEqual({ entity: "run", runId: "r-1" });
  });

  it("reads the run and the step run of a step run event", () => {
    expect(readEvent(serverEvent("step_run", "s-1", "r-1"))).toEqual({
      entity: "step_run",
      runId: "r-1",
      stepRunId: "s-1",
    });
  });

  it("falls back to a broad refresh for data it cannot read", () => {
    expect(readEvent("not json")).toEqual({ entity: "unknown" });
    expect(readEvent(JSON.stringify({ entity: "model", run_id: "r-1" }))).toEqual({
      entity: "unknown",
    });
  });
});

describe("keysToRefetch", () => {
  it("refetches a run's queries, the run lists and the pipelines on a run event", () => {
    expect(keysToRefetch([{ entity: "run", runId: "r-1" }])).toEqual([
      ["run-lists"],
      ["pipelines"],
      ["run", "r-1"],
    ]);
  });

  it("refetches only that run's steps and that step run on a step run event", () => {
    expect(keysToRefetch([{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }])).toEqual([
      ["run", "r-1", "steps"],
      ["step-run", "s-1"],
    ]);
  });

  it("names each key once for a batch of events about the same run", () => {
    const keys = keysToRefetch([
      { entity: "step_run", runId: "r-1", stepRunId: "s-1" },
      { entity: "step_run", runId: "r-1", stepRunId: "s-2" },
      { entity: "step_run", runId: "r-1", stepRunId: "s-1" },
    ]);

    expect(keys).toEqual([
      ["run", "r-1", "steps"],
      ["step-run", "s-1"],
      ["step-run", "s-2"],
    ]);
  });

  it("refetches every run and step run for an event it cannot read", () => {
    expect(keysToRefetch([{ entity: "unknown" }])).toEqual([
      ["run-lists"],
      ["pipelines"],
      ["run"],
      ["step-run"],
    ]);
  });
});

describe("planLive", () => {
  const step = (stepRunId: string, runId = "r-1"): LiveEvent => ({
    entity: "step_run",
    runId,
    stepRunId,
  });

  it("patches a held DAG with each changed step once", () => {
    const plan = planLive([step("s-1"), step("s-2"), step("s-1")], (runId) => runId === "r-1");

    expect([...plan.patches]).toEqual([["r-1", ["s-1", "s-2"]]]);
  });

  it("patches a held DAG's run alone on a run event", () => {
    const plan = planLive([{ entity: "run", runId: "r-1" }], () => true);

    expect([...plan.patches]).toEqual([["r-1", []]]);
  });

  it("refetches a DAG it does not hold, or one with too many changed steps", () => {
    const many = Array.from({ length: MAX_PATCH_STEPS + 1 }, (_, i) => step(`s-${i}`));

    expect(planLive([step("s-1", "r-2")], (runId) => runId === "r-1").patches.size).toBe(0);
    expect(planLive(many, () => true).patches.size).toBe(0);
  });
});

describe("invalidateLive", () => {
  function clientWith(keys: readonly (readonly unknown[])[]): QueryClient {
    const client = new QueryClient();
    for (const key of keys) client.setQueryData(key, { loaded: true });
    return client;
  }

  const isStale = (client: QueryClient, key: readonly unknown[]) =>
    client.getQueryState(key)?.isInvalidated;

  const unreachable = () => Promise.reject(new Error("the server is away"));

  function heldDag(): RunDag {
    return {
      run: { id: "r-1", status: "running" } as RunDag["run"],
      steps: [{ id: "s-1", name: "train", status: "running" } as RunDag["steps"][number]],
      artifacts: [],
      edges: [],
      pending_steps: [{ name: "evaluate", upstream: ["train"] }],
    };
  }

  it("leaves the logs of other steps and other runs alone on a step run event", async () => {
    const ownLog = [...queryScopes.stepRun("s-1"), "logs", {}];
    const otherLog = [...queryScopes.stepRun("s-2"), "logs", {}];
    const otherDag = queryScopes.runDag("r-2");
    const list = [...queryScopes.runLists(), { page: 1 }];
    const client = clientWith([ownLog, otherLog, otherDag, list]);

    await invalidateLive(client, [{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }]);

    expect([ownLog, otherLog, otherDag, list].map((key) => isStale(client, key))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it("patches a held DAG in place instead of refetching it", async () => {
    const dag = queryScopes.runDag("r-1");
    const client = new QueryClient();
    client.setQueryData(dag, heldDag());
    const asked: string[][] = [];
    const answer = (runId: string, ids: string[]): Promise<RunDagPatch> => {
      asked.push([runId, ...ids]);
      const done = { ...heldDag().steps[0], status: "completed" } as RunDagPatch["steps"][number];
      return Promise.resolve({ run: heldDag().run, steps: [done], artifacts: [], edges: [] });
    };

    await invalidateLive(client, [{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }], answer);

    expect(asked).toEqual([["r-1", "s-1"]]);
    expect(isStale(client, dag)).toBe(false);
    expect(client.getQueryData<RunDag>(dag)?.steps[0]?.status).toBe("completed");
  });

  it("refetches a held DAG whose patch cannot be read", async () => {
    const dag = queryScopes.runDag("r-1");
    const client = new QueryClient();
    client.setQueryData(dag, heldDag());

    await invalidateLive(
      client,
      [{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }],
      unreachable,
    );

    expect(isStale(client, dag)).toBe(true);
  });

  it("refetches the run lists but no step's log on a run event, patching the held DAG", async () => {
    const dag = queryScopes.runDag("r-1");
    const list = [...queryScopes.runLists(), { page: 1 }];
    const log = [...queryScopes.stepRun("s-1"), "logs", {}];
    const detail = [...queryScopes.run("r-1"), "detail"];
    const client = clientWith([list, log, detail]);
    client.setQueryData(dag, heldDag());
    const ended = { ...heldDag().run, status: "completed" } as RunDag["run"];

    await invalidateLive(client, [{ entity: "run", runId: "r-1" }], () =>
      Promise.resolve({ run: ended, steps: [], artifacts: [], edges: [] }),
    );

    expect([dag, list, log, detail].map((key) => isStale(client, key))).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(client.getQueryData<RunDag>(dag)?.run.status).toBe("completed");
  });
});
