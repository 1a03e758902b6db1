import { describe, expect, it } from "vitest";
import { runParameters } from "@/features/models/lib/run-parameters";

describe("runParameters", () => {
  it("lists the pipeline's arguments, then each step's parameters by step", () => {
    const config = {
      spec: {
        parameters: { quality: 0.9 },
        steps: [
          { name: "features", parameters: {} },
          { name: "train", parameters: { quality: 0.9, seed: 1 } },
        ],
      },
    };

    expect(runParameters(config)).toEqual([
      ["quality", 0.9],
      ["train.quality", 0.9],
      ["train.seed", 1],
    ]);
  });

  it("has none for a run recorded without a spec", () => {
    expect(runParameters({})).toEqual([]);
  });
});
