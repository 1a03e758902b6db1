/** Words for what a pipeline version changed against the one before. */
import type { PipelineEdge, StepChange, StructureChanges } from "@/api/types";

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "1 step added, 2 changed · 2 edges added, 1 removed", or "same steps and edges". */
export function summarizeChanges(changes: StructureChanges): string {
  const steps = [
    changes.steps_added.length ? `${changes.steps_added.length} added` : "",
    changes.steps_removed.length ? `${changes.steps_removed.length} removed` : "",
    changes.steps_changed.length ? `${changes.steps_changed.length} changed` : "",
  ].filter(Boolean);
  const edges = [
    changes.edges_added.length ? `${changes.edges_added.length} added` : "",
    changes.edges_removed.length ? `${changes.edges_removed.length} removed` : "",
  ].filter(Boolean);
  const parts = [];
  if (steps.length) {
    const total = changes.steps_added.length + changes.steps_removed.length;
    const noun = total + changes.steps_changed.length === 1 ? "step" : "steps";
    parts.push(`${noun} ${steps.join(", ")}`);
  }
  if (edges.length) {
    const noun = changes.edges_added.length + changes.edges_removed.length === 1 ? "edge" : "edges";
    parts.push(`${noun} ${edges.join(", ")}`);
  }
  return parts.length ? parts.join(" · ") : "same steps and edges";
}

/** "prepare.output → fit.values": from a step's output to another step's input. */
export function formatEdge(edge: PipelineEdge): string {
  return `${edge.source_step}.${edge.output} → ${edge.target_step}.${edge.input}`;
}

/** "new code", "rate", "new code, rate, seed": what differs in a changed step. */
export function describeStepChange(change: StepChange): string {
  const parts = change.is_source_changed ? ["new code"] : [];
  if (change.changed_parameters.length) {
    parts.push(
      `${count(change.changed_parameters.length, "parameter")}: ${change.changed_parameters.join(", ")}`,
    );
  }
  return parts.join("; ");
}
