import { describe, expect, it } from "vitest";
import type { ModelVersion, StageTransition } from "@/features/models/lib/model-types";
import { groupStageHolders, holdersOf } from "@/features/models/lib/stage-holders";

function version(id: string, modelId: string, stage: ModelVersion["stage"]): ModelVersion {
  return {
    id,
    model_id: modelId,
    model_name: modelId,
    number: 1,
    name: "1",
    description: null,
    stage,
    created: "2026-11-20T10:00:00Z",
    metadata: {},
  };
}

function arrival(versionId: string, to: StageTransition["to_stage"], created: string) {
  return {
    id: `${versionId}-${created}`,
    model_id: "m",
    model_name: "m",
    model_version_id: versionId,
    version_number: 1,
    from_stage: "none" as const,
    to_stage: to,
    outcome: "applied" as const,
    trigger: "user" as const,
    user_name: null,
    reason: null,
    created,
  };
}

describe("groupStageHolders", () => {
  it("gives each model its holders with the latest arrival into their stage", () => {
    const holders = [version("a2", "iris", "production"), version("b1", "churn", "staging")];
    const arrivals = [
      arrival("a2", "production", "2026-11-22T10:00:00Z"),
      arrival("a2", "staging", "2026-11-21T10:00:00Z"),
      arrival("a2", "production", "2026-11-20T10:00:00Z"),
    ];

    const grouped = groupStageHolders(holders, arrivals);

    expect(holdersOf(grouped, "iris").production?.since).toBe("2026-11-22T10:00:00Z");
    expect(holdersOf(grouped, "iris").staging).toBeNull();
    expect(holdersOf(grouped, "churn").staging?.since).toBeNull();
    expect(holdersOf(grouped, "nobody")).toEqual({ staging: null, production: null });
  });
});
