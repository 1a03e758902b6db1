import { describe, expect, it } from "vitest";
import type { Stack } from "@/api/types";
import { searchStacks, stacksUsing } from "@/features/stacks/lib/stack-search";

function stack(name: string, componentId: string, flavor: string): Stack {
  return {
    id: name,
    name,
    project_id: "p",
    created: "2026-01-01T00:00:00Z",
    components: {
      orchestrator: {
        id: componentId,
        name: `${name}-orchestrator`,
        type: "orchestrator",
        flavor,
        project_id: "p",
        settings: {},
        secret_keys: [],
        created: "2026-01-01T00:00:00Z",
      },
    },
  };
}

const stacks = [stack("default", "c1", "local"), stack("gpu", "c2", "ray")];

describe("searchStacks", () => {
  it("matches a stack's name, its components' names and flavors, in any case", () => {
    expect(searchStacks(stacks, "GPU").map((s) => s.name)).toEqual(["gpu"]);
    expect(searchStacks(stacks, "ray").map((s) => s.name)).toEqual(["gpu"]);
    expect(searchStacks(stacks, "default-orch").map((s) => s.name)).toEqual(["default"]);
  });

  it("keeps every stack for an empty search", () => {
    expect(searchStacks(stacks, "  ")).toHaveLength(2);
  });
});

describe("stacksUsing", () => {
  it("finds the stacks that hold a component", () => {
    expect(stacksUsing(stacks, "c2").map((s) => s.name)).toEqual(["gpu"]);
  });
});
