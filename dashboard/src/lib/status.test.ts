import { describe, expect, it } from "vitest";
import { isStatus, STATUS_STYLES, STATUSES } from "@/lib/status";

describe("status styles", () => {
  it("gives every status a theme colour and lists each status once", () => {
    expect(new Set(STATUSES).size).toBe(Object.keys(STATUS_STYLES).length);
    for (const status of STATUSES) expect(STATUS_STYLES[status].colour).toMatch(/^var\(--status-/);
  });

  it("recognises statuses and nothing else", () => {
    expect(isStatus("cached")).toBe(true);
    expect(isStatus("toString")).toBe(false);
  });
});
