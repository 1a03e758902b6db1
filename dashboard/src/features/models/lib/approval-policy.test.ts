import { describe, expect, it } from "vitest";
import {
  approvalCount,
  approvalsFor,
  approvalsForChange,
} from "@/features/models/lib/approval-policy";

const POLICIES = [
  { stage: "production" as const, required_approvals: 2 },
  { stage: "staging" as const, required_approvals: 1 },
];

describe("approvalsForChange", () => {
  it("counts the policy of the stage a version enters", () => {
    expect(approvalsForChange(POLICIES, "none", "production")).toBe(2);
  });

  it("counts the policy of the protected stage a version leaves", () => {
    expect(approvalsForChange(POLICIES, "production", "archived")).toBe(2);
  });

  it("takes the stricter of the two policies", () => {
    expect(approvalsForChange(POLICIES, "staging", "production")).toBe(2);
    expect(approvalsForChange(POLICIES, "production", "staging")).toBe(2);
  });

  it("needs nothing without a policy or for no change", () => {
    expect(approvalsForChange([], "none", "production")).toBe(0);
    expect(approvalsForChange(POLICIES, "none", "archived")).toBe(0);
    expect(approvalsForChange(POLICIES, "production", "production")).toBe(0);
  });
});

describe("approvalsFor and approvalCount", () => {
  it("reads one stage's policy and words the count", () => {
    expect(approvalsFor(POLICIES, "staging")).toBe(1);
    expect(approvalsFor(POLICIES, "archived")).toBe(0);
    expect(approvalCount(1)).toBe("1 approval");
    expect(approvalCount(2)).toBe("2 approvals");
  });
});
