import { Position } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import {
  ARTIFACT_SIDE,
  ARTIFACT_SIZE,
  nodeHandles,
  STEP_DIAMETER,
  STEP_SIZE,
} from "@/features/run-graph/lib/node-size";

describe("nodeHandles", () => {
  it("puts a step's edges on the left and right of its circle, half-way down", () => {
    const [target, source] = nodeHandles("step");
    const inset = (STEP_SIZE.width - STEP_DIAMETER) / 2;

    expect(target).toMatchObject({ type: "target", position: Position.Left });
    expect(source).toMatchObject({ type: "source", position: Position.Right });
    expect((target?.x ?? 0) + 0.5).toBe(inset);
    expect((source?.x ?? 0) + 0.5).toBe(STEP_SIZE.width - inset);
    expect((target?.y ?? 0) + 0.5).toBe(STEP_DIAMETER / 2);
  });

  it("puts an artifact's edges on the sides of its square", () => {
    const [target, source] = nodeHandles("artifact");
    const inset = (ARTIFACT_SIZE.width - ARTIFACT_SIDE) / 2;

    expect((target?.x ?? 0) + 0.5).toBe(inset);
    expect((source?.x ?? 0) + 0.5).toBe(ARTIFACT_SIZE.width - inset);
    expect((source?.y ?? 0) + 0.5).toBe(ARTIFACT_SIDE / 2);
  });
});
