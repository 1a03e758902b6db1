import { describe, expect, it } from "vitest";
import type { StructureChanges } from "@/api/types";
import {
  describeStepChange,
  formatEdge,
  summarizeChanges,
} from "@/features/pipelines/lib/version-changes";

const NONE: StructureChanges = {
  steps_added: [],
  steps_removed: [],
  steps_changed: [],
  edges_added: [],
  edges_removed: [],
};
const EDGE = { source_step: "prepare", output: "output", target_step: "fit", input: "values" };

describe("summarizeChanges", () => {
  it("says when nothing in the structure changed", () => {
    expect(summarizeChanges(NONE)).toBe("same steps and edges");
  });

  it("counts steps and edges apart", () => {
    const changes = {
      ...NONE,
      steps_added: ["clean"],
      steps_removed: ["report"],
      edges_added: [EDGE, EDGE],
      edges_removed: [EDGE],
    };

    expect(summarizeChanges(changes)).toBe("steps 1 added, 1 removed · edges 2 added, 1 removed");
  });

  it("uses the singular for one change", () => {
    expect(summarizeChanges({ ...NONE, edges_added: [EDGE] })).toBe("edge 1 added");
  });
});

describe("formatEdge", () => {
  it("reads from output to input", () => {
    expect(formatEdge(EDGE)).toBe("prepare.output → fit.values");
  });
});

describe("describeStepChange", () => {
  it("names new code and the parameters that differ", () => {
    const change = { name: "fit", is_source_changed: true, changed_parameters: ["rate", "seed"] };

    expect(describeStepChange(change)).toBe("new code; 2 parameters: rate, seed");
  });

  it("names a lone parameter change", () => {
    const change = { name: "fit", is_source_changed: false, changed_parameters: ["rate"] };

    expect(describeStepChange(change)).toBe("1 parameter: rate");
  });
});
