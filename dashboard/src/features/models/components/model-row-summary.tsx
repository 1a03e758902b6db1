import { Link } from "@tanstack/react-router";
import { type StageHolder, useModelSummary } from "@/features/models/api/get-model-summary";
import { StageBadge } from "@/features/models/components/stage-badge";
import { keyMetric } from "@/features/models/lib/key-metric";
import type { Model } from "@/features/models/lib/model-types";
import { formatDateTime, formatRelativeTime, formatValue } from "@/lib/format";

export interface ModelRowSummaryProps {
  model: Model;
  /** Which part of the summary this cell shows. */
  part: "latest" | "holders";
}

function Holder({
  model,
  holder,
  stage,
}: {
  model: Model;
  holder: StageHolder;
  stage: "staging" | "production";
}) {
  const key = keyMetric(model, [holder.version]);
  const value = key ? holder.version.metadata[key]?.value : undefined;
  return (
    <span className="stage-holder">
      <StageBadge stage={stage} />
      <Link
        to="/models/$name/versions/$number"
        params={{ name: model.name, number: String(holder.version.number) }}
        onClick={(e) => e.stopPropagation()}
      >
        v{holder.version.number}
      </Link>
      {key && value !== undefined ? (
        <span>
          {key} {formatValue(value)}
        </span>
      ) : null}
      <span className="muted" title={formatDateTime(holder.since)}>
        {holder.since ? `since ${formatRelativeTime(holder.since)}` : ""}
      </span>
    </span>
  );
}

/** A model's latest version, or its staging and production holders, loaded per row. */
export function ModelRowSummary({ model, part }: ModelRowSummaryProps) {
  const summary = useModelSummary(model.id);
  if (summary.isPending)
    return <div className="skeleton" style={{ width: 140 }} role="status" aria-label="Loading" />;
  if (summary.isError) return <span className="muted">Could not load its versions</span>;
  const { latest, staging, production } = summary.data;
  if (part === "latest") {
    if (!latest) return <span className="muted">No versions yet</span>;
    return (
      <span title={formatDateTime(latest.created)}>
        v{latest.number} <span className="muted">{formatRelativeTime(latest.created)}</span>
      </span>
    );
  }
  if (!staging && !production) return <span className="faint">None in staging or production</span>;
  return (
    <span className="stage-holders">
      {production ? <Holder model={model} holder={production} stage="production" /> : null}
      {staging ? <Holder model={model} holder={staging} stage="staging" /> : null}
    </span>
  );
}
