import { Link } from "@tanstack/react-router";
import type { PipelineRun } from "@/api/types";

export interface CompareSelectedProps {
  /** The selected runs, in the table's order. */
  runs: PipelineRun[];
}

/** "Compare N runs": opens the comparison of the selected runs (two or more). */
export function CompareSelected({ runs }: CompareSelectedProps) {
  if (runs.length === 0) return null;
  if (runs.length === 1) {
    return <span className="muted">Select one more run to compare.</span>;
  }
  return (
    <Link
      to="/compare"
      search={{ runs: runs.map((run) => run.id).join(",") }}
      className="button small primary"
    >
      Compare {runs.length} runs
    </Link>
  );
}
