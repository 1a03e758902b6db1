import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { stepKeys } from "@/features/steps/api/step-keys";
import { invalidateLive } from "@/lib/live-events";

describe("stepKeys", () => {
  it("are what a step run event refetches: that step's, not another's", async () => {
    const client = new QueryClient();
    const mine = [stepKeys.detail("s-1"), stepKeys.logs("s-1", { grep: "loss" })];
    const others = [stepKeys.detail("s-2"), stepKeys.logs("s-2", {}), stepKeys.cache("s-2")];
    for (const key of [...mine, ...others]) client.setQueryData(key, { loaded: true });

    await invalidateLive(client, [{ entity: "step_run", runId: "r-1", stepRunId: "s-1" }]);

    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(mine.map(stale)).toEqual([true, true]);
    expect(others.map(stale)).toEqual([false, false, false]);
  });

  it("put a step's attempts under its run's steps: a new attempt's event refetches them", async () => {
    const client = new QueryClient();
    const mine = stepKeys.attempts("r-1", "train");
    const others = stepKeys.attempts("r-2", "train");
    for (const key of [mine, others]) client.setQueryData(key, { loaded: true });

    await invalidateLive(client, [{ entity: "step_run", runId: "r-1", stepRunId: "s-9" }]);

    expect(client.getQueryState(mine)?.isInvalidated).toBe(true);
    expect(client.getQueryState(others)?.isInvalidated).toBe(false);
  });
});
