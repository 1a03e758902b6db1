/** The box each kind of node takes in the layout (the label sits under the shape). */
export const STEP_SIZE = { width: 120, height: 62 } as const;
export const ARTIFACT_SIZE = { width: 104, height: 44 } as const;
export const STEP_DIAMETER = 36;
export const ARTIFACT_SIDE = 20;

export function nodeSize(kind: "step" | "artifact"): { width: number; height: number } {
  return kind === "step" ? STEP_SIZE : ARTIFACT_SIZE;
}
