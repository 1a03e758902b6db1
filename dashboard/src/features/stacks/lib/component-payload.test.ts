import { describe, expect, it } from "vitest";
import {
  initialFormData,
  splitFormData,
  updatePayload,
} from "@/features/stacks/lib/component-payload";

describe("component payloads", () => {
  it("splits typed secrets from settings and leaves empty secrets out", () => {
    const split = splitFormData({ url: "https://x", secret: "s3", token: "" }, ["secret", "token"]);

    expect(split).toEqual({ settings: { url: "https://x" }, secrets: { secret: "s3" } });
  });

  it("sends no secrets on an edit where none was typed, so the stored ones stay", () => {
    expect(updatePayload({ settings: { url: "u" }, secrets: {} }, ["secret"])).toEqual({
      settings: { url: "u" },
    });
  });

  it("sends the others masked when one secret is replaced", () => {
    const body = updatePayload({ settings: {}, secrets: { a: "new" } }, ["a", "b"]);

    expect(body.secrets).toEqual({ a: "new", b: "****" });
  });

  it("never prefills a secret", () => {
    expect(initialFormData({ url: "u", secret: "****" }, ["secret"])).toEqual({ url: "u" });
  });
});
