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

  // A held DAG is patched, and refetched whole when its patch cannot be read (here).
  const unreachable = () => Promise.reject(new Error("the server is away"));

  it("are what a run event refreshes: that run and every run list", async () => {
    const client = loaded([list, dag, otherDag, users]);

    await invalidateLive(client, [{ entity: "run", runId: "r-1" }], unreachable);

    const stale = [list, dag, otherDag, users].map(
      (key) => client.getQueryState(key)?.isInvalidated,
    );
    expect(stale).toEqual([true, true, false, false]);
  });

  it("refresh only that run's DAG on a step run event", async () => {
    const client = loaded([list, dag, otherDag]);

    await invalidateLive(
      client,
      [{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }],
      unreachable,
    );

    const stale = [list, dag, otherDag].map((key) => client.getQueryState(key)?.isInvalidated);
    expect(stale).toEqual([false, true, false]);
  });
});
