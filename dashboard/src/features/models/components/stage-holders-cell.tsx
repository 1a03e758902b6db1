import { Link } from "@tanstack/react-router";
import { StageBadge } from "@/features/models/components/stage-badge";
import { keyMetric } from "@/features/models/lib/key-metric";
import type { Model } from "@/features/models/lib/model-types";
import type { ModelHolders, StageHolder } from "@/features/models/lib/stage-holders";
import { formatDateTime, formatRelativeTime, formatValue } from "@/lib/format";

export interface StageHoldersCellProps {
  model: Model;
  /** Undefined while they load. */
  holders: ModelHolders | undefined;
}

interface HolderProps {
  model: Model;
  holder: StageHolder;
  stage: "staging" | "production";
}

function Holder({ model, holder, stage }: HolderProps) {
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
      {holder.since ? (
        <span className="muted" title={formatDateTime(holder.since)}>
          since {formatRelativeTime(holder.since)}
        </span>
      ) : null}
    </span>
  );
}

/** The versions in production and staging of one model, with their key metric and since. */
export function StageHoldersCell({ model, holders }: StageHoldersCellProps) {
  if (!holders)
    return <div className="skeleton" style={{ width: 200 }} role="status" aria-label="Loading" />;
  const { staging, production } = holders;
  if (!staging && !production) return <span className="faint">None in staging or production</span>;
  return (
    <span className="stage-holders">
      {production ? <Holder model={model} holder={production} stage="production" /> : null}
      {staging ? <Holder model={model} holder={staging} stage="staging" /> : null}
    </span>
  );
}
