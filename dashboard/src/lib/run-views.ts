/** Which view a run page opens on. The README's "Large runs" section quotes this number. */

/** Runs with more steps than this open on the timeline; the DAG stays one click away. */
export const DAG_STEP_THRESHOLD = 500;

export type RunView = "dag" | "timeline";

export function defaultRunView(stepCount: number): RunView {
  return stepCount > DAG_STEP_THRESHOLD ? "timeline" : "dag";
}
