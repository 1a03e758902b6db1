import { describe, expect, it } from "vitest";
import { runInputs } from "@/features/models/lib/run-inputs";

describe("runInputs", () => {
  it("lists each artifact a step read once, saying which came from another run", () => {
    const dag = {
      steps: [{ id: "s-features" }, { id: "s-train" }],
      artifacts: [
        { id: "a-feat", artifact_name: "features", version: 2, producer_step_run_id: "s-features" },
        { id: "a-model", artifact_name: "classifier", version: 5, producer_step_run_id: "s-train" },
        { id: "a-base", artifact_name: "baseline", version: 1, producer_step_run_id: "s-old" },
      ],
      edges: [
        { kind: "output" as const, artifact_version_id: "a-feat" },
        { kind: "input" as const, artifact_version_id: "a-feat" },
        { kind: "input" as const, artifact_version_id: "a-feat" },
        { kind: "input" as const, artifact_version_id: "a-base" },
        { kind: "output" as const, artifact_version_id: "a-model" },
      ],
    };

    expect(runInputs(dag)).toEqual([
      { artifactVersionId: "a-base", name: "baseline", version: 1, isFromElsewhere: true },
      { artifactVersionId: "a-feat", name: "features", version: 2, isFromElsewhere: false },
    ]);
  });
});
