import { describe, expect, it } from "vitest";
import { mayWrite } from "@/lib/current-user";

describe("mayWrite", () => {
  it("lets members and admins change things and viewers only read", () => {
    expect(mayWrite("admin")).toBe(true);
    expect(mayWrite("member")).toBe(true);
    expect(mayWrite("viewer")).toBe(false);
  });
});
