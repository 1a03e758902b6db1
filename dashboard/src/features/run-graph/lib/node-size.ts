/** The box each kind of node takes in the layout (the label sits under the shape). */
import { type NodeHandle, Position } from "@xyflow/react";

export const STEP_SIZE = { width: 120, height: 62 } as const;
export const ARTIFACT_SIZE = { width: 104, height: 44 } as const;
export const STEP_DIAMETER = 36;
export const ARTIFACT_SIDE = 20;
/** The handles are invisible 1-px points on the shape's left and right (app.css). */
const HANDLE_SIZE = 1;

export function nodeSize(kind: "step" | "artifact"): { width: number; height: number } {
  return kind === "step" ? STEP_SIZE : ARTIFACT_SIZE;
}

/** Where edges meet a node: on the left and right of its shape, half-way down it. The
 * node components place their handles there; React Flow centres a handle on the point. */
function handlesOf(width: number, shape: number): NodeHandle[] {
  const inset = (width - shape) / 2;
  const y = shape / 2 - HANDLE_SIZE / 2;
  const size = { width: HANDLE_SIZE, height: HANDLE_SIZE };
  return [
    { type: "target", position: Position.Left, x: inset - HANDLE_SIZE / 2, y, ...size },
    { type: "source", position: Position.Right, x: width - inset - HANDLE_SIZE / 2, y, ...size },
  ];
}

const STEP_HANDLES = handlesOf(STEP_SIZE.width, STEP_DIAMETER);
const ARTIFACT_HANDLES = handlesOf(ARTIFACT_SIZE.width, ARTIFACT_SIDE);

/** A node's handles, given up front: React Flow otherwise mounts every node once to
 * measure them before it culls what is off screen (seconds for a 2,000-step run). */
export function nodeHandles(kind: "step" | "artifact"): NodeHandle[] {
  return kind === "step" ? STEP_HANDLES : ARTIFACT_HANDLES;
}
