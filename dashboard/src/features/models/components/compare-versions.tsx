import { Link } from "@tanstack/react-router";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useModelVersionsByNumber } from "@/features/models/api/get-model-version";
import { useManyModelVersionLinks } from "@/features/models/api/get-model-version-links";
import { CompareRunRows } from "@/features/models/components/compare-run-rows";
import { StageBadge } from "@/features/models/components/stage-badge";
import { compareMetadata, formatDelta } from "@/features/models/lib/metadata-deltas";
import type { ModelVersion, ModelVersionLinks } from "@/features/models/lib/model-types";
import { formatValue } from "@/lib/format";

export interface CompareVersionsProps {
  modelName: string;
  numbers: number[];
  baseline: number;
  onBaseline: (number: number) => void;
}

function Header({
  versions,
  baseline,
  modelName,
  onBaseline,
}: {
  versions: ModelVersion[];
  baseline: number;
  modelName: string;
  onBaseline: (n: number) => void;
}) {
  return (
    <thead>
      <tr>
        <th>Version</th>
        {versions.map((v) => (
          <th key={v.id} className={v.number === baseline ? "baseline" : undefined}>
            <div className="version-compare-head">
              <Link
                to="/models/$name/versions/$number"
                params={{ name: modelName, number: String(v.number) }}
              >
                v{v.number}
              </Link>
              <StageBadge stage={v.stage} />
              {v.number === baseline ? (
                <span className="muted">baseline</span>
              ) : (
                <button type="button" className="link-button" onClick={() => onBaseline(v.number)}>
                  Use as baseline
                </button>
              )}
            </div>
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Delta({ delta }: { delta: number | null }) {
  if (delta === null) return null;
  return <span className="delta">{formatDelta(delta)}</span>;
}

function SectionRow({ title, span }: { title: string; span: number }) {
  return (
    <tr>
      <th colSpan={span + 1}>
        <h3>{title}</h3>
      </th>
    </tr>
  );
}

/** Two to ten versions side by side: metadata with deltas, artifacts, run parameters. */
export function CompareVersions({
  modelName,
  numbers,
  baseline,
  onBaseline,
}: CompareVersionsProps) {
  const versionQueries = useModelVersionsByNumber(modelName, numbers);
  const versions = versionQueries.flatMap((q) => (q.data ? [q.data] : []));
  const linkQueries = useManyModelVersionLinks(versions.map((v) => v.id));
  const links: (ModelVersionLinks | undefined)[] = linkQueries.map((q) => q.data);
  const runIds = links.map((l) => l?.run_ids[0] ?? null);
  const failed = versionQueries.find((q) => q.isError);
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        title="Could not load a compared version"
        onRetry={() => void failed.refetch()}
      />
    );
  if (versions.length < numbers.length) return <LoadingState label="Loading the versions…" />;
  const baseIndex = Math.max(
    versions.findIndex((v) => v.number === baseline),
    0,
  );
  const rows = compareMetadata(versions, baseIndex);
  const span = versions.length;
  const cellClass = (i: number) => (i === baseIndex ? "baseline" : undefined);
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Compared versions">
        <Header
          versions={versions}
          baseline={versions[baseIndex]?.number ?? baseline}
          modelName={modelName}
          onBaseline={onBaseline}
        />
        <tbody>
          <SectionRow title="Metadata" span={span} />
          {rows.length === 0 ? (
            <tr>
              <td colSpan={span + 1} className="faint">
                No metadata logged
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.key}</th>
              {row.cells.map((cell, i) => (
                <td key={versions[i]?.id} className={cellClass(i)}>
                  {formatValue(cell.value)}
                  <Delta delta={cell.delta} />
                </td>
              ))}
            </tr>
          ))}
          <SectionRow title="Artifacts" span={span} />
          <tr>
            <th scope="row">linked</th>
            {versions.map((v, i) => (
              <td key={v.id} className={cellClass(i)}>
                {links[i]?.artifacts.length === 0 ? (
                  <span className="faint">None linked</span>
                ) : null}
                {(links[i]?.artifacts ?? []).map((a) => (
                  <div key={a.artifact_version_id}>
                    <Link
                      to="/artifacts/$artifactVersionId"
                      params={{ artifactVersionId: a.artifact_version_id }}
                    >
                      {a.artifact_name}
                    </Link>{" "}
                    <span className="muted">
                      v{a.version} · {a.artifact_type}
                    </span>
                  </div>
                ))}
              </td>
            ))}
          </tr>
          <SectionRow title="Run that made it" span={span} />
          <CompareRunRows runIds={runIds} cellClass={cellClass} />
        </tbody>
      </table>
    </div>
  );
}
