import { describe, expect, it } from "vitest";
import { DAG_STEP_THRESHOLD, defaultRunView } from "@/lib/run-views";

describe("defaultRunView", () => {
  it("opens small runs on the DAG and large ones on the timeline", () => {
    expect(defaultRunView(DAG_STEP_THRESHOLD)).toBe("dag");
    expect(defaultRunView(DAG_STEP_THRESHOLD + 1)).toBe("timeline");
  });
});
