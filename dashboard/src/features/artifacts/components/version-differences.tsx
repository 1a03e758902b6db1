import type { ArtifactVersion } from "@/api/types";
import { versionDifferences } from "@/features/artifacts/lib/metadata-differences";
import { formatValue } from "@/lib/format";

export interface VersionDifferencesProps {
  left: ArtifactVersion;
  right: ArtifactVersion;
  isDiffOnly: boolean;
  onDiffOnly: (isDiffOnly: boolean) => void;
}

function Value({ text }: { text: string | undefined }) {
  return text === undefined ? <span className="missing">missing</span> : <code>{text}</code>;
}

/** Facts and metadata of two versions, key by key; differing rows are marked. */
export function VersionDifferences({
  left,
  right,
  isDiffOnly,
  onDiffOnly,
}: VersionDifferencesProps) {
  const all = versionDifferences(left, right);
  const rows = isDiffOnly ? all.filter((row) => row.differs) : all;
  const differing = all.filter((row) => row.differs).length;
  return (
    <section className="section" aria-label="Metadata differences">
      <div className="row diff-header">
        <h3>
          Metadata differences{" "}
          <span className="faint">
            {differing} of {all.length} {differing === 1 ? "key differs" : "keys differ"}
          </span>
        </h3>
        <label className="row diff-toggle">
          <input
            type="checkbox"
            checked={isDiffOnly}
            onChange={(event) => onDiffOnly(event.target.checked)}
          />
          Differences only
        </label>
      </div>
      {rows.length === 0 ? (
        <span className="faint">Both versions have the same facts and metadata.</span>
      ) : (
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">version {left.version}</th>
              <th scope="col">version {right.version}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.differs ? "differs" : undefined}>
                <th scope="row">
                  {row.key}
                  {row.differs ? <span className="diff-mark">differs</span> : null}
                </th>
                <td>
                  <Value text={row.left} />
                </td>
                <td>
                  <Value text={row.right} />
                  {row.delta === undefined ? null : (
                    <span className="diff-delta">
                      {row.delta > 0 ? "+" : ""}
                      {formatValue(row.delta)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
