import { describe, expect, it } from "vitest";
import { previewStageChange } from "@/features/models/lib/stage-change-preview";

const VERSION = { number: 3, stage: "staging" as const, model_name: "iris" };
const RULE = {
  stage: "staging" as const,
  metadata_key: "accuracy",
  operator: ">=" as const,
  threshold: 0.9,
};

describe("previewStageChange", () => {
  it("says the current holder of production will be archived and forces it out", () => {
    const preview = previewStageChange({
      version: VERSION,
      stage: "production",
      holders: { production: 1, staging: 3 },
      rules: [RULE],
    });

    expect(preview.needsForce).toBe(true);
    expect(preview.holderNumber).toBe(1);
    expect(preview.effects).toContain("Version 1 leaves production and is archived.");
  });

  it("names the rule that targets the chosen stage", () => {
    const preview = previewStageChange({
      version: { ...VERSION, stage: "none" },
      stage: "staging",
      holders: {},
      rules: [RULE],
    });

    expect(preview.needsForce).toBe(false);
    expect(preview.effects.join(" ")).toContain("Rule 'accuracy >= 0.9 -> staging'");
  });

  it("archives nobody when archiving", () => {
    const preview = previewStageChange({
      version: VERSION,
      stage: "archived",
      holders: { staging: 3 },
      rules: [],
    });

    expect(preview.holderNumber).toBeNull();
    expect(preview.effects[0]).toBe("Version 3 moves from staging to archived.");
  });

  it("warns that moving the production version out leaves production empty", () => {
    const preview = previewStageChange({
      version: { ...VERSION, stage: "production" },
      stage: "archived",
      holders: { production: 3 },
      rules: [],
    });

    expect(preview.effects[1]).toBe(
      "Runs that load 'iris' at 'production' find no version until another is promoted.",
    );
  });
});

describe("previewStageChange under an approval policy", () => {
  it("says the change becomes a request that needs the policy's approvals", () => {
    const preview = previewStageChange({
      version: { ...VERSION, stage: "none" },
      stage: "production",
      holders: {},
      rules: [],
      policies: [{ stage: "production", required_approvals: 2 }],
    });

    expect(preview.requiredApprovals).toBe(2);
    expect(preview.effects.at(-1)).toMatch(/pending request that needs 2 approvals/);
  });

  it("says a request for the same change is pending already, and asks for nothing", () => {
    const vote = { approve: true, user_name: "bo", comment: null, created: "2026-12-07T13:00:00Z" };
    const request = {
      kind: "stage_change" as const,
      status: "pending" as const,
      required_approvals: 2,
      votes: [vote],
    };
    const input = {
      version: { ...VERSION, stage: "none" as const },
      holders: { production: 2 },
      rules: [],
      policies: [{ stage: "production" as const, required_approvals: 2 }],
      pending: [{ ...request, to_stage: "production" as const }],
    };

    const same = previewStageChange({ ...input, stage: "production" });
    const other = previewStageChange({ ...input, stage: "archived" });

    expect(same.isRequestedAlready).toBe(true);
    expect(same.effects).toEqual([
      "A request to move version 3 to production is pending already (1 of 2 approvals); approvers vote on it on this page, and asking again is refused.",
    ]);
    expect(other.isRequestedAlready).toBe(false);
  });
});
