import { Link } from "@tanstack/react-router";
import { StatusBadge } from "@/components/ui/status-badge";
import { useModelVersionLinks } from "@/features/models/api/get-model-version-links";
import { useLinkedRun } from "@/features/models/api/get-run";

export interface RunLinkProps {
  runId: string;
}

/** A linked run's name (a link to it) and status. */
export function RunLink({ runId }: RunLinkProps) {
  const run = useLinkedRun(runId);
  if (run.isPending)
    return <span className="skeleton" style={{ width: 100 }} role="status" aria-label="Loading" />;
  if (run.isError) return <span className="muted">A run you cannot see</span>;
  return (
    <span className="row" style={{ gap: 6 }}>
      <Link to="/runs/$runId" params={{ runId }} onClick={(e) => e.stopPropagation()}>
        {run.data.name}
      </Link>
      <StatusBadge status={run.data.status} />
    </span>
  );
}

export interface VersionRunLinkProps {
  versionId: string;
}

/** The run that made a version (the first one linked to it), loaded per row. */
export function VersionRunLink({ versionId }: VersionRunLinkProps) {
  const links = useModelVersionLinks(versionId);
  if (links.isPending)
    return <span className="skeleton" style={{ width: 100 }} role="status" aria-label="Loading" />;
  if (links.isError) return <span className="muted">Could not load its runs</span>;
  const first = links.data.run_ids[0];
  return first ? <RunLink runId={first} /> : <span className="faint">Registered by hand</span>;
}
