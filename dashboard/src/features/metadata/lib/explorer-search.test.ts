import { describe, expect, it } from "vitest";
import {
  filterKeys,
  isNumericKey,
  type MetadataKey,
  parseExplorerSearch,
} from "@/features/metadata/lib/explorer-search";

function key(name: string, count: number, types: MetadataKey["types"] = ["float"]): MetadataKey {
  return {
    resource: "run",
    key: name,
    types,
    count,
    first_seen: "2026-01-01T00:00:00Z",
    last_seen: "2026-01-02T00:00:00Z",
  };
}

describe("parseExplorerSearch", () => {
  it("keeps a known resource and type and drops unknown ones", () => {
    expect(parseExplorerSearch({ resource: "job", type: "float", q: " acc " })).toEqual({
      type: "float",
      q: "acc",
    });
  });

  it("keeps the open key exactly as written", () => {
    expect(parseExplorerSearch({ key: "train.loss ", resource: "step_run" })).toEqual({
      key: "train.loss ",
      resource: "step_run",
    });
  });
});

describe("filterKeys", () => {
  const keys = [key("loss", 3), key("accuracy", 8), key("optimizer", 8, ["str"])];

  it("puts the most used keys first, then by name", () => {
    expect(filterKeys(keys, {}).map((k) => k.key)).toEqual(["accuracy", "optimizer", "loss"]);
  });

  it("narrows by text in any case and by type", () => {
    expect(filterKeys(keys, { q: "ACC" }).map((k) => k.key)).toEqual(["accuracy"]);
    expect(filterKeys(keys, { type: "str" }).map((k) => k.key)).toEqual(["optimizer"]);
  });

  it("tells numeric keys from text ones", () => {
    expect(keys.map(isNumericKey)).toEqual([true, true, false]);
  });
});
