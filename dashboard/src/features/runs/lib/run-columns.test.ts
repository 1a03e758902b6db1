import { describe, expect, it } from "vitest";
import type { SavedView } from "@/api/types";
import {
  searchOf,
  showsView,
  viewOf,
  withColumn,
  withoutColumn,
} from "@/features/runs/lib/run-columns";
import { parseRunSearch, toRunQuery } from "@/features/runs/lib/run-filters";

const VIEW: SavedView = {
  id: "v1",
  project_id: "p1",
  name: "best",
  columns: ["accuracy", "loss"],
  search: { status: "completed,cached", sort: "metadata.accuracy", metadata: "loss < 0.2" },
  owner_id: null,
  owner_name: null,
  created: "2026-12-01T00:00:00Z",
  updated: "2026-12-01T00:00:00Z",
};

describe("metadata columns", () => {
  it("adds a key once, at the end", () => {
    const once = withColumn({ columns: ["loss"] }, " accuracy ");

    expect(withColumn(once, "accuracy")).toEqual({ columns: ["loss", "accuracy"] });
  });

  it("drops the sort by a removed column", () => {
    const search = { columns: ["f1"], sort: "metadata.f1" as const, desc: false };

    expect(withoutColumn(search, "f1")).toEqual({
      columns: undefined,
      sort: undefined,
      desc: undefined,
    });
  });

  it("reads columns and a metadata sort from the URL and asks the server to sort", () => {
    const search = parseRunSearch({ columns: "accuracy,,accuracy,f1", sort: "metadata.f1" });

    expect(search).toEqual({ columns: ["accuracy", "f1"], sort: "metadata.f1" });
    expect(toRunQuery(search).sort_by).toBe("desc:metadata.f1");
  });

  it("ignores an empty metadata sort", () => {
    expect(parseRunSearch({ sort: "metadata." }).sort).toBeUndefined();
  });
});

describe("saved views", () => {
  it("saves the filters and sort as text and the columns apart, never the page", () => {
    const saved = viewOf({ status: ["failed"], desc: false, page: 3, columns: ["f1"] });

    expect(saved).toEqual({ columns: ["f1"], search: { status: "failed", desc: "false" } });
  });

  it("opens a view as the search it saved", () => {
    expect(searchOf(VIEW)).toEqual({
      status: ["completed", "cached"],
      sort: "metadata.accuracy",
      metadata: "loss < 0.2",
      columns: ["accuracy", "loss"],
    });
  });

  it("knows the view it shows, on any page", () => {
    expect(showsView({ ...searchOf(VIEW), page: 2 }, VIEW)).toBe(true);
    expect(showsView(withoutColumn(searchOf(VIEW), "loss"), VIEW)).toBe(false);
  });
});
