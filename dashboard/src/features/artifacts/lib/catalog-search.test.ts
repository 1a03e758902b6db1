import { describe, expect, it } from "vitest";
import {
  CATALOG_PAGE_SIZE,
  hasCatalogFilters,
  parseCatalogSearch,
  toCatalogQuery,
} from "@/features/artifacts/lib/catalog-search";

describe("parseCatalogSearch", () => {
  it("keeps valid fields and drops what a hand-edited URL got wrong", () => {
    const search = parseCatalogSearch({
      name: " model ",
      sort: "colour",
      page: "0",
      desc: "false",
    });

    expect(search).toEqual({ name: "model", desc: false });
  });

  it("sorts by the latest version's size on the server", () => {
    const search = parseCatalogSearch({ sort: "size" });

    expect(search).toEqual({ sort: "size" });
    expect(toCatalogQuery(search).sort_by).toBe("desc:size");
  });

  it("reads a page number above one", () => {
    expect(parseCatalogSearch({ page: "3", sort: "name" })).toEqual({ page: 3, sort: "name" });
  });
});

describe("toCatalogQuery", () => {
  it("sends newest first by default, a page at a time", () => {
    expect(toCatalogQuery({})).toEqual({
      sort_by: "desc:created",
      page: 1,
      size: CATALOG_PAGE_SIZE,
    });
  });

  it("matches name and type by contains and the tag exactly", () => {
    const query = toCatalogQuery({
      name: "mod",
      type: "DataFrame",
      tag: "best",
      sort: "name",
      desc: false,
    });

    expect(query).toMatchObject({
      name: "contains:mod",
      data_type: "contains:DataFrame",
      tag: "best",
      sort_by: "asc:name",
    });
  });
});

describe("hasCatalogFilters", () => {
  it("counts filters, not sort or page", () => {
    expect(hasCatalogFilters({ sort: "name", page: 2 })).toBe(false);
    expect(hasCatalogFilters({ type: "int" })).toBe(true);
  });
});
