import { describe, expect, it } from "vitest";
import { hasFilters, parseRunSearch, toRunQuery } from "@/features/runs/lib/run-filters";

describe("parseRunSearch", () => {
  it("keeps valid statuses and drops unknown ones", () => {
    const search = parseRunSearch({ status: ["failed", "exploded", "cached"] });

    expect(search.status).toEqual(["failed", "cached"]);
  });

  it("drops a malformed date and a page below two", () => {
    const search = parseRunSearch({ from: "yesterday", to: "2026-02-03", page: "1" });

    expect(search).toEqual({ to: "2026-02-03" });
  });

  it("reads a comma separated status list from a hand-typed URL", () => {
    expect(parseRunSearch({ status: "running,failed" }).status).toEqual(["running", "failed"]);
  });

  it("keeps the user and the metadata text as typed, trimmed", () => {
    expect(parseRunSearch({ user: " ada ", metadata: "accuracy > 0.9 " })).toEqual({
      user: "ada",
      metadata: "accuracy > 0.9",
    });
  });

  it("ignores an unknown sort field", () => {
    expect(parseRunSearch({ sort: "password" }).sort).toBeUndefined();
  });
});

describe("toRunQuery", () => {
  it("defaults to the newest runs first, first page", () => {
    expect(toRunQuery({})).toEqual({ sort_by: "desc:created", page: 1, size: 25 });
  });

  it("sends several statuses as one oneof filter", () => {
    const query = toRunQuery({ status: ["failed", "stopped"], pipeline: "training", page: 3 });

    expect(query.status).toBe("oneof:[failed,stopped]");
    expect(query.pipeline_name).toBe("training");
    expect(query.page).toBe(3);
  });

  it("turns a date range into inclusive bounds", () => {
    const query = toRunQuery({ from: "2026-01-01", to: "2026-01-31" });

    expect(query.created).toEqual(["gte:2026-01-01T00:00:00"]);
    expect(query.started).toBe("lte:2026-01-31T23:59:59.999");
  });

  it("filters by user name and sends the metadata filter as typed", () => {
    const query = toRunQuery({ user: "ada", metadata: "accuracy > 0.9 and not exists(loss)" });

    expect(query.user_name).toBe("ada");
    expect(query.where).toBe("accuracy > 0.9 and not exists(loss)");
    expect(query.metadata).toBeUndefined();
  });

  it("bounds the creation time when only the end date is set", () => {
    expect(toRunQuery({ to: "2026-01-31" }).created).toEqual(["lte:2026-01-31T23:59:59.999"]);
  });
});

describe("hasFilters", () => {
  it("is false for sorting and paging alone", () => {
    expect(hasFilters({ sort: "name", page: 2 })).toBe(false);
    expect(hasFilters({ tag: "demo" })).toBe(true);
    expect(hasFilters({ user: "ada" })).toBe(true);
    expect(hasFilters({ metadata: "accuracy > 0.9" })).toBe(true);
  });
});
