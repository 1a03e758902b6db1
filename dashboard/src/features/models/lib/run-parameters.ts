/** The parameters a run was made with, read from its recorded pipeline spec. */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `[name, value]` pairs: the pipeline's arguments, then each step's as `step.name`. */
export function runParameters(config: Record<string, unknown>): [string, unknown][] {
  const spec = config.spec;
  if (!isRecord(spec)) return [];
  const pairs: [string, unknown][] = isRecord(spec.parameters)
    ? Object.entries(spec.parameters)
    : [];
  const steps = Array.isArray(spec.steps) ? spec.steps : [];
  for (const step of steps) {
    if (!isRecord(step) || !isRecord(step.parameters)) continue;
    for (const [name, value] of Object.entries(step.parameters)) {
      pairs.push([`${String(step.name)}.${name}`, value]);
    }
  }
  return pairs;
}
