import { Link } from "@tanstack/react-router";
import { useStackRuns } from "@/features/stacks/api/list-stack-runs";
import { STATUS_STYLES } from "@/lib/status";

const RECENT_RUNS = 5;

export interface RecentRunDotsProps {
  stackId: string;
}

/** The latest runs on a stack as status dots, each linking to its run. */
export function RecentRunDots({ stackId }: RecentRunDotsProps) {
  const runs = useStackRuns(stackId, RECENT_RUNS);
  if (runs.isPending) return <span className="faint">…</span>;
  if (runs.isError) return <span className="faint">—</span>;
  if (runs.data.items.length === 0) return <span className="faint">No runs yet</span>;
  return (
    <span className="run-dots">
      {runs.data.items.map((run) => (
        <Link
          key={run.id}
          to="/runs/$runId"
          params={{ runId: run.id }}
          title={`${run.name}: ${STATUS_STYLES[run.status].label}`}
          aria-label={`Run ${run.name}, ${STATUS_STYLES[run.status].label}`}
          onClick={(event) => event.stopPropagation()}
        >
          <span className="dot" style={{ background: STATUS_STYLES[run.status].colour }} />
        </Link>
      ))}
      <span className="faint">{runs.data.total} in all</span>
    </span>
  );
}
