import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { PipelineVersionChanges, RunReference } from "@/api/types";
import { PageNav } from "@/components/ui/page-nav";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { usePipelineVersions } from "@/features/pipelines/api/list-pipeline-versions";
import { VersionChanges } from "@/features/pipelines/components/version-changes";
import { formatCount, formatDateTime, formatRelativeTime } from "@/lib/format";

export interface PipelineVersionsProps {
  pipelineId: string;
}

function RunLink({ label, run }: { label: string; run: RunReference | null }) {
  if (!run) return null;
  return (
    <span className="row">
      <span className="muted">{label}</span>
      <Link to="/runs/$runId" params={{ runId: run.id }}>
        {run.name}
      </Link>
      <StatusBadge status={run.status} />
      <span className="faint" title={formatDateTime(run.created)}>
        {formatRelativeTime(run.created)}
      </span>
    </span>
  );
}

function VersionCard({ version }: { version: PipelineVersionChanges }) {
  const runs = `${formatCount(version.run_count)} ${version.run_count === 1 ? "run" : "runs"}`;
  return (
    <li className="card card-body section" aria-label={`Version ${version.version}`}>
      <div className="row">
        <h3 className="version-title">Version {version.version}</h3>
        <code className="faint" title={version.spec_hash}>
          {version.spec_hash.slice(0, 12)}
        </code>
        <span className="muted">
          {runs} · {version.step_count} steps · {version.edge_count} edges
        </span>
      </div>
      <div className="row">
        <RunLink label="First run" run={version.first_run} />
        {version.last_run && version.last_run.id !== version.first_run?.id ? (
          <RunLink label="Last run" run={version.last_run} />
        ) : null}
        {version.run_count === 0 ? <span className="faint">Its runs were deleted.</span> : null}
      </div>
      {version.changes && version.previous_version !== null ? (
        <VersionChanges changes={version.changes} previousVersion={version.previous_version} />
      ) : (
        <span className="muted">The first version of this pipeline.</span>
      )}
    </li>
  );
}

/** Every structure the pipeline had, newest first, with what each one changed. */
export function PipelineVersions({ pipelineId }: PipelineVersionsProps) {
  const [page, setPage] = useState(1);
  const versions = usePipelineVersions(pipelineId, page);
  return (
    <QueryView
      query={versions}
      loadingLabel="Loading the versions…"
      errorTitle="Could not load the versions"
    >
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState title="No versions yet">
            A version is recorded with the first run of each new structure of the pipeline.
          </EmptyState>
        ) : (
          <section className="section" aria-label="Pipeline versions">
            <ol className="version-list">
              {data.items.map((version) => (
                <VersionCard key={version.id} version={version} />
              ))}
            </ol>
            {data.total_pages > 1 ? (
              <PageNav
                page={page}
                totalPages={data.total_pages}
                onPage={setPage}
                label="Pages of versions"
                suffix={` · ${formatCount(data.total)} versions`}
                newestFirst
              />
            ) : null}
          </section>
        )
      }
    </QueryView>
  );
}
