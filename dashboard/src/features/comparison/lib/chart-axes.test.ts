import { describe, expect, it } from "vitest";
import type { ComparisonRow } from "@/features/comparison/api/compare-runs";
import {
  axisOf,
  candidateAxes,
  defaultAxes,
  defaultColor,
  MAX_CATEGORIES,
  runsInBrush,
} from "@/features/comparison/lib/chart-axes";

function row(group: string, key: string, values: unknown[]): ComparisonRow {
  return { group, key, values, differs: false, deltas: [] };
}

const RATE = row("parameters", "train.learning_rate", [0.1, 0.2, 0.3, 0.4]);
const OPTIMIZER = row("parameters", "train.optimizer", ["adam", "sgd", "adam", "lion"]);
const ACCURACY = row("step metadata", "train.accuracy", [0.9, 1.0, null, 0.95]);
const STATUS = row("run", "status", ["completed", "completed", "completed", "completed"]);

describe("rows as axes", () => {
  it("makes all-number rows numeric and others categorical up to 200 values", () => {
    const many = row(
      "run",
      "tags",
      Array.from({ length: MAX_CATEGORIES + 1 }, (_, i) => `t${i}`),
    );

    expect(axisOf(RATE)?.kind).toBe("number");
    expect(axisOf(ACCURACY)?.kind).toBe("number");
    expect(axisOf(OPTIMIZER)).toMatchObject({
      kind: "category",
      categories: ["adam", "lion", "sgd"],
    });
    expect(axisOf(many)).toBeNull();
  });

  it("offers differing parameters and metrics as the first axes and a metric as colour", () => {
    const candidates = candidateAxes([STATUS, ACCURACY, RATE, OPTIMIZER], 4);

    expect(candidates.map((a) => a.name)).toEqual([
      "train.accuracy",
      "train.learning_rate",
      "train.optimizer",
      "status",
    ]);
    expect(defaultAxes(candidates, 4)).toEqual([
      "parameters/train.learning_rate",
      "parameters/train.optimizer",
      "step metadata/train.accuracy",
    ]);
    expect(defaultColor(candidates, 4)).toBe("step metadata/train.accuracy");
  });
});

describe("the brush", () => {
  const axes = candidateAxes([RATE, OPTIMIZER, ACCURACY], 4);

  it("keeps every run when nothing is brushed", () => {
    expect(runsInBrush(axes, undefined, 4)).toBeNull();
    expect(runsInBrush(axes, { "parameters/unknown": [[0, 1]] }, 4)).toBeNull();
  });

  it("keeps the runs inside every brushed axis, never one without the value", () => {
    const numeric = runsInBrush(axes, { "step metadata/train.accuracy": [[0.92, 1]] }, 4);
    const both = runsInBrush(
      axes,
      {
        "parameters/train.learning_rate": [
          [0, 0.25],
          [0.35, 1],
        ],
        "step metadata/train.accuracy": [[0.92, 1]],
      },
      4,
    );

    expect([...(numeric ?? [])]).toEqual([1, 3]);
    expect([...(both ?? [])]).toEqual([1, 3]);
  });

  it("brushes a categorical axis by category position", () => {
    // adam is 0, lion 1, sgd 2.
    const kept = runsInBrush(axes, { "parameters/train.optimizer": [[0.5, 2.5]] }, 4);

    expect([...(kept ?? [])]).toEqual([1, 3]);
  });
});
