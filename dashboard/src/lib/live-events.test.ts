import { describe, expect, it } from "vitest";
import { readEvent } from "@/lib/live-events";

describe("readEvent", () => {
  it("reads the run id of a server event", () => {
    const data = JSON.stringify({
      id: 7,
      entity: "step_run",
      entity_id: "s-1",
      run_id: "r-1",
      name: "train",
      change: "updated",
      status: "completed",
    });

    expect(readEvent(data)).toEqual({ runId: "r-1" });
  });

  it("falls back to a broad refresh for data it cannot read", () => {
    expect(readEvent("not json")).toEqual({ runId: null });
  });
});
