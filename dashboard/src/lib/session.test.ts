import { describe, expect, it } from "vitest";
import { csrfHeaders, readCookie, safeNextPath } from "@/lib/session";

describe("readCookie", () => {
  it("finds a cookie among others and decodes it", () => {
    expect(readCookie("a=1; headwater_csrf=ab%3Dc; b=2", "headwater_csrf")).toBe("ab=c");
  });

  it("answers null when the cookie is missing", () => {
    expect(readCookie("a=1", "headwater_csrf")).toBeNull();
  });
});

describe("csrfHeaders", () => {
  it("sends the CSRF cookie on unsafe methods only", () => {
    const cookies = "headwater_csrf=tok";
    expect(csrfHeaders("POST", cookies)).toEqual({ "X-CSRF-Token": "tok" });
    expect(csrfHeaders("delete", cookies)).toEqual({ "X-CSRF-Token": "tok" });
    expect(csrfHeaders("GET", cookies)).toEqual({});
  });

  it("sends nothing without a session (local mode)", () => {
    expect(csrfHeaders("POST", "")).toEqual({});
  });
});

describe("safeNextPath", () => {
  it("keeps a path of this app with its query", () => {
    expect(safeNextPath("/runs/abc?view=timeline")).toBe("/runs/abc?view=timeline");
  });

  it("refuses other sites, odd values and the login page itself", () => {
    for (const next of ["https://evil.example", "//evil.example", "runs", 3, undefined, "/login"]) {
      expect(safeNextPath(next)).toBe("/runs");
    }
  });
});
