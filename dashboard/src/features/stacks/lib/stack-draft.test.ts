import { describe, expect, it } from "vitest";
import type { Stack, StackComponent } from "@/api/types";
import { stackDraftProblems, updateBody } from "@/features/stacks/lib/stack-draft";

function component(id: string, type: StackComponent["type"]): StackComponent {
  return {
    id,
    type,
    name: id,
    flavor: "f",
    project_id: "p",
    settings: {},
    secret_keys: [],
    created: "2026-01-01T00:00:00Z",
  };
}

const stack: Stack = {
  id: "s",
  name: "prod",
  project_id: "p",
  created: "2026-01-01T00:00:00Z",
  components: {
    orchestrator: component("o1", "orchestrator"),
    artifact_store: component("a1", "artifact_store"),
    alerter: component("h1", "alerter"),
  },
};

describe("stack drafts", () => {
  it("needs a name, an orchestrator and an artifact store", () => {
    expect(stackDraftProblems({ name: " ", components: {} })).toEqual([
      "Give the stack a name.",
      "A stack needs an orchestrator.",
      "A stack needs an artifact store.",
    ]);
  });

  it("is fine with the two required types", () => {
    expect(
      stackDraftProblems({ name: "x", components: { orchestrator: "o", artifact_store: "a" } }),
    ).toEqual([]);
  });

  it("sends only what changed: a swapped store and a removed alerter", () => {
    const draft = { name: "prod", components: { orchestrator: "o1", artifact_store: "a2" } };

    expect(updateBody(stack, draft)).toEqual({
      components: { artifact_store: "a2", alerter: null },
    });
  });
});
