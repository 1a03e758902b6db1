import { describe, expect, it } from "vitest";
import { apiUrl } from "@/lib/api-client";

describe("apiUrl", () => {
  it("leaves out empty parameters", () => {
    expect(apiUrl("/runs", { status: "failed", tag: "", user_name: undefined })).toBe(
      "/api/v1/runs?status=failed",
    );
  });

  it("repeats a parameter for each value of a list", () => {
    expect(apiUrl("/runs", { metadata: ["a:gt:1", "b:lt:2"] })).toBe(
      "/api/v1/runs?metadata=a%3Agt%3A1&metadata=b%3Alt%3A2",
    );
  });
});
