import { describe, expect, it } from "vitest";
import { parseRunPageSearch } from "@/lib/run-page-search";

describe("parseRunPageSearch", () => {
  it("keeps a valid view, step and tab", () => {
    const search = parseRunPageSearch({ view: "timeline", step: "3f2a-9c", tab: "logs" });

    expect(search).toEqual({ view: "timeline", step: "3f2a-9c", tab: "logs" });
  });

  it("drops unknown views, tabs, streams and ids with odd characters", () => {
    const search = parseRunPageSearch({
      view: "3d",
      tab: "secrets",
      stream: "stdin",
      step: "<script>",
    });

    expect(search).toEqual({});
  });

  it("prefers the step when a step and an artifact are both selected", () => {
    expect(parseRunPageSearch({ step: "a", artifact: "b" })).toEqual({ step: "a" });
  });
});
