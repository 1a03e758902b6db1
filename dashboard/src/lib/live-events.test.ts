import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { invalidateLive, keysToRefetch, readEvent } from "@/lib/live-events";
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

describe("invalidateLive", () => {
  function clientWith(keys: readonly (readonly unknown[])[]): QueryClient {
    const client = new QueryClient();
    for (const key of keys) client.setQueryData(key, { loaded: true });
    return client;
  }

  const isStale = (client: QueryClient, key: readonly unknown[]) =>
    client.getQueryState(key)?.isInvalidated;

  it("leaves the logs of other steps and other runs alone on a step run event", () => {
    const ownLog = [...queryScopes.stepRun("s-1"), "logs", {}];
    const otherLog = [...queryScopes.stepRun("s-2"), "logs", {}];
    const dag = [...queryScopes.runSteps("r-1"), "dag"];
    const otherDag = [...queryScopes.runSteps("r-2"), "dag"];
    const list = [...queryScopes.runLists(), { page: 1 }];
    const client = clientWith([ownLog, otherLog, dag, otherDag, list]);

    invalidateLive(client, [{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }]);

    expect([ownLog, otherLog, dag, otherDag, list].map((key) => isStale(client, key))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it("refetches a run's DAG and the run lists, but no step's log, on a run event", () => {
    const dag = [...queryScopes.runSteps("r-1"), "dag"];
    const list = [...queryScopes.runLists(), { page: 1 }];
    const log = [...queryScopes.stepRun("s-1"), "logs", {}];
    const client = clientWith([dag, list, log]);

    invalidateLive(client, [{ entity: "run", runId: "r-1" }]);

    expect([dag, list, log].map((key) => isStale(client, key))).toEqual([true, true, false]);
  });
});
