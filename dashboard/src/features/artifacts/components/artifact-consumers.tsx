import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { PageNav } from "@/components/ui/page-nav";
import { ErrorState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useArtifactConsumers } from "@/features/artifacts/api/list-artifact-consumers";
import { formatCount, formatDateTime, formatRelativeTime } from "@/lib/format";

export interface ArtifactConsumersProps {
  artifactVersionId: string;
  /** The run the list is shown in, if any: its steps say "this run". */
  runId?: string;
}

/** "Used by": every step, in any run, that read the artifact; a page at a time. */
export function ArtifactConsumers({ artifactVersionId, runId }: ArtifactConsumersProps) {
  const [page, setPage] = useState(1);
  const consumers = useArtifactConsumers(artifactVersionId, page);
  if (consumers.isPending) return <span className="faint">Loading the steps that used it…</span>;
  if (consumers.isError) {
    return (
      <ErrorState
        title="Could not load the steps that used it"
        error={consumers.error}
        onRetry={() => void consumers.refetch()}
      />
    );
  }
  const { items, total, total_pages: totalPages } = consumers.data;
  return (
    <section className="section" aria-label="Used by">
      <span className="muted">
        Used by{" "}
        {total === 0
          ? "no step yet: no run has read it as an input."
          : `${formatCount(total)} ${total === 1 ? "step" : "steps"}`}
      </span>
      {items.length > 0 ? (
        <ul className="lineage-list">
          {items.map((consumer) => (
            <li key={consumer.step_run_id} className="row">
              <Link
                to="/runs/$runId"
                params={{ runId: consumer.run_id }}
                search={{ step: consumer.step_run_id }}
              >
                <span className="shape circle" aria-hidden="true" /> {consumer.step_name}
              </Link>
              <span className="faint">as {consumer.input_names.join(", ")}</span>
              <span className="muted">in</span>
              <Link to="/runs/$runId" params={{ runId: consumer.run_id }}>
                {consumer.run_name}
              </Link>
              {consumer.run_id === runId ? <span className="tag">this run</span> : null}
              <StatusBadge status={consumer.status} />
              <span className="faint" title={formatDateTime(consumer.created)}>
                {formatRelativeTime(consumer.created)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {totalPages > 1 ? (
        <PageNav
          page={page}
          totalPages={totalPages}
          onPage={setPage}
          label="Pages of steps that used it"
          newestFirst
        />
      ) : null}
    </section>
  );
}
