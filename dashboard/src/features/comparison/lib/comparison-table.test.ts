import { describe, expect, it } from "vitest";
import type { ComparisonRow } from "@/features/comparison/api/compare-runs";
import {
  cellChange,
  differingRows,
  groupedItems,
  rowDiffers,
  sortColumns,
  tableView,
  visibleRows,
} from "@/features/comparison/lib/comparison-table";
import { formatChange, formatValue } from "@/features/comparison/lib/format-cell";

function row(group: string, key: string, values: unknown[]): ComparisonRow {
  return { group, key, values, differs: false, deltas: [] };
}

const ROWS = [
  row("run", "orchestrator", ["local", "local", "local"]),
  row("parameters", "train.learning_rate", [0.1, 0.2, 0.1]),
  row("parameters", "train.optimizer", ["adam", "adam", "sgd"]),
  row("step metadata", "train.accuracy", [0.9, 1.0, 0.9]),
  row("step metadata", "train.momentum", [null, null, 0.9]),
];
const OPTIONS = {
  kept: null,
  baseline: 0,
  isDiffOnly: false,
  filter: "",
  sortRow: undefined,
  isDescending: false,
};

describe("cells against the baseline", () => {
  it("gives numbers an absolute and a relative delta", () => {
    const change = cellChange(0.95, 0.9);
    expect(change.kind).toBe("number");
    expect(formatChange(change)).toBe("+0.05 (+5.6%)");
    expect(formatChange(cellChange(0.004, 0.0151))).toBe("-0.0111 (-73.5%)");
    expect(formatChange(cellChange(1, 0))).toBe("+1");
  });

  it("calls other differences changed, a missing value missing and equal values nothing", () => {
    expect(formatChange(cellChange("sgd", "adam"))).toBe("changed");
    expect(cellChange(null, 0.9)).toEqual({ kind: "missing" });
    expect(cellChange(1, 1.0)).toEqual({ kind: "same" });
    expect(formatValue(null)).toBe("missing");
    expect(formatValue(0.123456789)).toBe("0.123457");
    expect(formatValue({ a: [1] })).toBe('{"a":[1]}');
  });

  it("counts a run without the key as a difference", () => {
    expect(rowDiffers([null, null, 0.9], [0, 1, 2])).toBe(true);
    expect(rowDiffers([null, null, 0.9], [0, 1])).toBe(false);
    expect(
      rowDiffers(
        [
          [1, 2],
          [1, 2],
        ],
        [0, 1],
      ),
    ).toBe(false);
  });
});

describe("the table's view", () => {
  it("hides equal rows with differences only, judged over the runs shown", () => {
    const every = tableView(ROWS, 3, { ...OPTIONS, isDiffOnly: true });
    const firstTwo = tableView(ROWS, 3, { ...OPTIONS, isDiffOnly: true, kept: new Set([1]) });

    expect(every.rows.map((r) => r.key)).toEqual([
      "train.learning_rate",
      "train.optimizer",
      "train.accuracy",
      "train.momentum",
    ]);
    expect(firstTwo.columns).toEqual([0, 1]); // the baseline stays beside the brushed run
    expect(firstTwo.rows.map((r) => r.key)).toEqual(["train.learning_rate", "train.accuracy"]);
  });

  it("finds the differing rows once per set of runs, whatever their order", () => {
    const sorted = differingRows(ROWS, [2, 0]);

    expect([...differingRows(ROWS, [0, 2])].map((r) => r.key)).toEqual([
      "train.optimizer",
      "train.momentum",
    ]);
    expect(visibleRows(ROWS, sorted, { isDiffOnly: true, filter: "" })).toEqual([ROWS[2], ROWS[4]]);
    expect(visibleRows(ROWS, sorted, { isDiffOnly: false, filter: "" })).toEqual(ROWS);
  });

  it("filters rows by key text, whatever the case", () => {
    const view = tableView(ROWS, 3, { ...OPTIONS, filter: "TRAIN.O" });

    expect(view.rows.map((r) => r.key)).toEqual(["train.optimizer"]);
  });

  it("sorts runs by a row's values with missing values last either way", () => {
    expect(sortColumns([0, 1, 2], [0.5, null, 0.2], false)).toEqual([2, 0, 1]);
    expect(sortColumns([0, 1, 2], [0.5, null, 0.2], true)).toEqual([0, 2, 1]);
    expect(sortColumns([0, 1], ["run-10", "run-9"], false)).toEqual([1, 0]);
    const view = tableView(ROWS, 3, { ...OPTIONS, sortRow: ROWS[3], isDescending: true });
    expect(view.columns).toEqual([1, 0, 2]);
  });

  it("puts a heading with its row count before each group", () => {
    const items = groupedItems(ROWS.slice(0, 3));

    expect(items.map((item) => (item.kind === "group" ? `# ${item.count}` : item.row.key))).toEqual(
      ["# 1", "orchestrator", "# 2", "train.learning_rate", "train.optimizer"],
    );
  });
});
