import type { StructureChanges } from "@/api/types";
import {
  describeStepChange,
  formatEdge,
  summarizeChanges,
} from "@/features/pipelines/lib/version-changes";

export interface VersionChangesProps {
  changes: StructureChanges;
  previousVersion: number;
}

/** The steps and edges a version added, removed or changed, as a compact list. */
export function VersionChanges({ changes, previousVersion }: VersionChangesProps) {
  const rows: [string, string, string][] = [
    ...changes.steps_added.map((name): [string, string, string] => ["added", "+", name]),
    ...changes.steps_removed.map((name): [string, string, string] => ["removed", "−", name]),
    ...changes.steps_changed.map((change): [string, string, string] => [
      "changed",
      "~",
      `${change.name}: ${describeStepChange(change)}`,
    ]),
  ];
  const edges: [string, string, string][] = [
    ...changes.edges_added.map((e): [string, string, string] => ["added", "+", formatEdge(e)]),
    ...changes.edges_removed.map((e): [string, string, string] => ["removed", "−", formatEdge(e)]),
  ];
  return (
    <div className="section">
      <span className="muted">
        Against version {previousVersion}: {summarizeChanges(changes)}
      </span>
      {rows.length > 0 ? (
        <ul className="change-list" aria-label="Step changes">
          {rows.map(([kind, mark, text]) => (
            <li key={`${kind}:${text}`} className={`change ${kind}`}>
              <span aria-hidden="true">{mark}</span>{" "}
              <span className="visually-hidden">{kind} </span>
              {text}
            </li>
          ))}
        </ul>
      ) : null}
      {edges.length > 0 ? (
        <ul className="change-list" aria-label="Edge changes">
          {edges.map(([kind, mark, text]) => (
            <li key={`${kind}:${text}`} className={`change ${kind}`}>
              <span aria-hidden="true">{mark}</span>{" "}
              <span className="visually-hidden">{kind} </span>
              <code>{text}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
