import { type Column, DataTable } from "@/components/ui/data-table";
import { StageBadge } from "@/features/models/components/stage-badge";
import type { RuleDryRun } from "@/features/models/lib/model-types";

type Verdict = RuleDryRun["versions"][number];

const COLUMNS: Column<Verdict>[] = [
  { key: "version", header: "Version", render: (v) => `v${v.version_number}` },
  { key: "stage", header: "Now", render: (v) => <StageBadge stage={v.stage} /> },
  {
    key: "moves",
    header: "Would move to",
    render: (v) =>
      v.would_move_to ? <StageBadge stage={v.would_move_to} /> : <span className="faint">—</span>,
  },
  {
    key: "why",
    header: "Why",
    render: (v) => v.verdicts.map((verdict) => verdict.reason).join("; "),
  },
];

export interface DryRunVerdictsProps {
  dryRun: RuleDryRun;
}

/** What the tried rules would decide for each existing version, newest first. */
export function DryRunVerdicts({ dryRun }: DryRunVerdictsProps) {
  const moving = dryRun.versions.filter((v) => v.would_move_to !== null).length;
  return (
    <div className="section">
      <span role="status" className="muted">
        Of {dryRun.versions.length} versions, {moving} would move. Nothing was changed.
      </span>
      <div className="dry-run-table">
        <DataTable
          label="Dry run"
          columns={COLUMNS}
          rows={[...dryRun.versions]}
          rowKey={(v) => v.model_version_id}
        />
      </div>
    </div>
  );
}
