import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { runKeys } from "@/features/runs/api/run-keys";
import { invalidateLive } from "@/lib/live-events";

function loaded(keys: readonly (readonly unknown[])[]): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { loaded: true });
  return client;
}

describe("runKeys", () => {
  const list = runKeys.list({ page: 2 });
  const dag = runKeys.dag("r-1");
  const otherDag = runKeys.dag("r-2");
  const users = runKeys.users();

  it("are what a run event refetches: that run and every run list", () => {
    const client = loaded([list, dag, otherDag, users]);

    invalidateLive(client, [{ entity: "run", runId: "r-1" }]);

    const stale = [list, dag, otherDag, users].map(
      (key) => client.getQueryState(key)?.isInvalidated,
    );
    expect(stale).toEqual([true, true, false, false]);
  });

  it("refetch only that run's DAG on a step run event", () => {
    const client = loaded([list, dag, otherDag]);

    invalidateLive(client, [{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }]);

    const stale = [list, dag, otherDag].map((key) => client.getQueryState(key)?.isInvalidated);
    expect(stale).toEqual([false, true, false]);
  });
});
