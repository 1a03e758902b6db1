import { Link } from "@tanstack/react-router";
import { useRunDags } from "@/features/models/api/get-run-dag";
import { runInputs } from "@/features/models/lib/run-inputs";
import { runParameters } from "@/features/models/lib/run-parameters";
import { formatValue } from "@/lib/format";

export interface CompareRunRowsProps {
  /** The run that made each compared version (null: registered by hand), in column order. */
  runIds: (string | null)[];
  cellClass: (index: number) => string | undefined;
}

/** The compare table's rows about the runs that made the versions: the run, what its steps
 * read (lineage two hops: version → run → input artifacts) and its parameters. */
export function CompareRunRows({ runIds, cellClass }: CompareRunRowsProps) {
  const known = runIds.filter((id): id is string => id !== null);
  const dags = useRunDags(known);
  const dagFor = (index: number) => {
    const runId = runIds[index];
    return dags.find((q) => q.data?.run.id === runId)?.data;
  };
  const columns = runIds.map((_, i) => dagFor(i));
  const parameterSets = columns.map((dag) => new Map(runParameters(dag?.run.config ?? {})));
  const parameterKeys = [...new Set(parameterSets.flatMap((set) => [...set.keys()]))].sort();
  const key = (i: number) => `${runIds[i] ?? "none"}-${i}`;
  return (
    <>
      <tr>
        <th scope="row">run</th>
        {columns.map((dag, i) => (
          <td key={key(i)} className={cellClass(i)}>
            {dag ? (
              <Link to="/runs/$runId" params={{ runId: dag.run.id }}>
                {dag.run.name}
              </Link>
            ) : (
              <span className="faint">{runIds[i] ? "…" : "no run"}</span>
            )}
          </td>
        ))}
      </tr>
      <tr>
        <th scope="row">inputs read</th>
        {columns.map((dag, i) => (
          <td key={key(i)} className={cellClass(i)}>
            <InputsRead dag={dag} runId={runIds[i] ?? null} />
          </td>
        ))}
      </tr>
      {parameterKeys.map((name) => (
        <tr key={name}>
          <th scope="row">{name}</th>
          {parameterSets.map((set, i) => (
            <td key={key(i)} className={cellClass(i)}>
              {formatValue(set.get(name))}
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

type RunDag = ReturnType<typeof useRunDags>[number]["data"];

/** What one run's steps read; a cell is never blank, so "nothing" reads as an answer. */
function InputsRead({ dag, runId }: { dag: RunDag; runId: string | null }) {
  if (!dag) return <span className="faint">{runId ? "…" : "no run"}</span>;
  const inputs = runInputs(dag);
  if (inputs.length === 0) return <span className="faint">read no artifact</span>;
  return (
    <>
      {inputs.map((input) => (
        <div key={input.artifactVersionId}>
          <Link
            to="/artifacts/$artifactVersionId"
            params={{ artifactVersionId: input.artifactVersionId }}
          >
            {input.name}
          </Link>{" "}
          <span className="muted">
            v{input.version}
            {input.isFromElsewhere ? " · from another run" : ""}
          </span>
        </div>
      ))}
    </>
  );
}
