import { useLatestVersion } from "@/features/models/api/get-latest-version";
import { formatDateTime, formatRelativeTime } from "@/lib/format";

export interface LatestVersionCellProps {
  modelId: string;
}

/** A model's newest version number and age, loaded per row. */
export function LatestVersionCell({ modelId }: LatestVersionCellProps) {
  const latest = useLatestVersion(modelId);
  if (latest.isPending)
    return <div className="skeleton" style={{ width: 90 }} role="status" aria-label="Loading" />;
  if (latest.isError) return <span className="muted">Could not load its versions</span>;
  if (!latest.data) return <span className="muted">No versions yet</span>;
  return (
    <span title={formatDateTime(latest.data.created)}>
      v{latest.data.number} <span className="muted">{formatRelativeTime(latest.data.created)}</span>
    </span>
  );
}
