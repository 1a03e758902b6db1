import { describe, expect, it } from "vitest";
import { checkDrafts, EMPTY_DRAFT, toDraft } from "@/features/models/lib/rule-drafts";

const RULE = {
  metadata_key: "accuracy",
  operator: ">=" as const,
  threshold: 0.9,
  stage: "staging" as const,
};

describe("checkDrafts", () => {
  it("turns drafts back into the rules they came from", () => {
    expect(checkDrafts([toDraft(RULE)])).toEqual({ rules: [RULE], problem: null });
  });

  it("names the first rule without a key or with a threshold that is not a number", () => {
    expect(checkDrafts([toDraft(RULE), EMPTY_DRAFT]).problem).toBe(
      "Rule 2: give a metadata key, such as accuracy.",
    );
    expect(checkDrafts([{ ...toDraft(RULE), threshold: "high" }]).problem).toBe(
      "Rule 1: the threshold must be a number.",
    );
    expect(checkDrafts([{ ...toDraft(RULE), threshold: " " }]).problem).toMatch(/number/);
  });

  it("accepts no rules at all (removing every rule)", () => {
    expect(checkDrafts([])).toEqual({ rules: [], problem: null });
  });
});
