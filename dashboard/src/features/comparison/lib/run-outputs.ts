/** The outputs of compared runs' steps, lined up by step and output name. */
import type { StepRun } from "@/api/types";

/** At most this many runs' visualizations are shown side by side. */
export const MAX_VISUALIZED_RUNS = 10;

export interface OutputChoice {
  step: string;
  output: string;
  /** How many of the runs have this output. */
  runCount: number;
}

/** Every step output of any run, in the order the steps ran (first seen first). */
export function outputChoices(steps: readonly StepRun[]): OutputChoice[] {
  const runs = new Map<string, Set<string>>();
  const choices: OutputChoice[] = [];
  for (const step of steps) {
    for (const output of Object.keys(step.outputs)) {
      const id = `${step.name}\u0000${output}`;
      let seen = runs.get(id);
      if (!seen) {
        seen = new Set();
        runs.set(id, seen);
        choices.push({ step: step.name, output, runCount: 0 });
      }
      seen.add(step.run_id);
    }
  }
  return choices.map((choice) => ({
    ...choice,
    runCount: runs.get(`${choice.step}\u0000${choice.output}`)?.size ?? 0,
  }));
}

/**
 * The output shown when the URL names none: of those most runs have, the last to be made,
 * as a pipeline's last outputs are most often its reports and evaluations.
 */
export function defaultOutput(choices: readonly OutputChoice[]): OutputChoice | undefined {
  const most = Math.max(0, ...choices.map((choice) => choice.runCount));
  return choices.findLast((choice) => choice.runCount === most);
}

/** Each run's version of one step's output (undefined where it has none); a retried step's
 * last run counts. */
export function outputVersionIds(
  steps: readonly StepRun[],
  runIds: readonly string[],
  step: string,
  output: string,
): (string | undefined)[] {
  const byRun = new Map<string, string>();
  for (const candidate of steps) {
    const id = candidate.name === step ? candidate.outputs[output] : undefined;
    if (id !== undefined) byRun.set(candidate.run_id, id);
  }
  return runIds.map((runId) => byRun.get(runId));
}

/** The columns whose visualizations are shown: the first ten shown, the baseline always. */
export function visualizedColumns(columns: readonly number[], baseline: number): number[] {
  if (columns.length <= MAX_VISUALIZED_RUNS) return [...columns];
  const first = columns.slice(0, MAX_VISUALIZED_RUNS);
  if (first.includes(baseline)) return first;
  // The baseline takes the last place but keeps its order among the others.
  const kept = new Set([...first.slice(0, -1), baseline]);
  return columns.filter((column) => kept.has(column));
}

/** The step and output an `outputs` row's key (`step.output`) names; step names hold no dot. */
export function outputOfRowKey(key: string): { step: string; output: string } | undefined {
  const dot = key.indexOf(".");
  return dot > 0 && dot < key.length - 1
    ? { step: key.slice(0, dot), output: key.slice(dot + 1) }
    : undefined;
}
