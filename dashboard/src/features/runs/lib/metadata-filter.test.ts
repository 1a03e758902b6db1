import { describe, expect, it } from "vitest";
import { parseMetadataFilter } from "@/features/runs/lib/metadata-filter";

describe("parseMetadataFilter", () => {
  it("turns a comparison into the API's key:op:value form", () => {
    expect(parseMetadataFilter("accuracy > 0.9").conditions).toEqual(["accuracy:gt:0.9"]);
  });

  it("reads two-character operators before one-character ones", () => {
    const filter = parseMetadataFilter("accuracy>=0.9, loss <= 0.2, split != test");

    expect(filter.conditions).toEqual(["accuracy:gte:0.9", "loss:lte:0.2", "split:notequals:test"]);
  });

  it("joins conditions with 'and' as well as commas", () => {
    expect(parseMetadataFilter("a = 1 and b ~ x").conditions).toEqual([
      "a:equals:1",
      "b:contains:x",
    ]);
  });

  it("strips quotes around a text value", () => {
    expect(parseMetadataFilter('model = "resnet 50"').conditions).toEqual([
      "model:equals:resnet 50",
    ]);
  });

  it("lists every part it cannot read", () => {
    const filter = parseMetadataFilter("accuracy, > 3, loss < 1");

    expect(filter.problems).toEqual(["accuracy", "> 3"]);
    expect(filter.conditions).toEqual(["loss:lt:1"]);
  });

  it("is empty for blank text", () => {
    expect(parseMetadataFilter("  ")).toEqual({ conditions: [], problems: [] });
  });
});
