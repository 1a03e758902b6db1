import { describe, expect, it } from "vitest";
import {
  chosenColumns,
  parseModelPageSearch,
  toVersionSort,
  versionSortBy,
} from "@/features/models/lib/model-page-search";

describe("parseModelPageSearch", () => {
  it("keeps a known sort, a page past the first, columns and the time spacing", () => {
    const raw = { page: "3", sort: "created", columns: "auc,loss", spacing: "time", stage: "none" };

    expect(parseModelPageSearch(raw)).toEqual({
      page: 3,
      sort: "created",
      columns: "auc,loss",
      spacing: "time",
      stage: "none",
    });
  });

  it("drops an unknown sort, page 1 and other spacings", () => {
    expect(
      parseModelPageSearch({ page: "1", sort: "metadata", spacing: "x", stage: "latest" }),
    ).toEqual({});
  });
});

describe("version sorts", () => {
  it("turn a header's sort into the server's sort_by, newest number first by default", () => {
    expect(versionSortBy(undefined)).toBe("desc:number");
    expect(versionSortBy(toVersionSort("stage", false))).toBe("asc:stage");
  });
});

describe("chosenColumns", () => {
  it("shows the URL's columns, else the first three key metrics", () => {
    expect(chosenColumns({ columns: "loss" }, ["auc", "loss"])).toEqual(["loss"]);
    expect(chosenColumns({ columns: "" }, ["auc"])).toEqual([]);
    expect(chosenColumns({}, ["a", "b", "c", "d"])).toEqual(["a", "b", "c"]);
  });
});
