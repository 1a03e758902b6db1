import type { CSSProperties, ReactNode } from "react";
import type { ArtifactVersion } from "@/api/types";
import { ArtifactVisualization } from "@/features/artifacts/components/artifact-visualization";
import { MissingCell, SharedChartRow } from "@/features/artifacts/components/shared-chart-row";
import { isChartRow, visualizationRows } from "@/features/artifacts/lib/visualization-rows";

export interface VisualizationColumn {
  /** A plain name for the column (a run's or a version's), for labels. */
  label: string;
  /** The column's heading; the label when absent. */
  title?: ReactNode;
  /** Marks the column the others are read against ("baseline", "this version"). */
  mark?: string;
  /** The version shown; undefined when the column has none (a run without this output). */
  version: ArtifactVersion | undefined;
  /** Said where the column has nothing to show. */
  missing: string;
}

export interface SideBySideVisualizationsProps {
  columns: VisualizationColumn[];
}

/**
 * One column per version and one row per visualization name, so the same view of every
 * version sits on one line; charts of a row share their axes. HTML stays in the sandboxed
 * frame every visualization uses.
 */
export function SideBySideVisualizations({ columns }: SideBySideVisualizationsProps) {
  const rows = visualizationRows(columns.map((column) => column.version));
  const labels = columns.map((column) => column.label);
  // A column without a version says why once per row, so the rows stay aligned.
  const missing = columns.map((column) =>
    column.version ? "No such visualization" : column.missing,
  );
  const style = { "--side-columns": columns.length } as CSSProperties;
  return (
    <div className="side-scroller">
      <section className="side-grid" style={style} aria-label="Visualizations side by side">
        <ul className="side-columns" aria-label="Columns">
          {columns.map((column) => (
            <li key={column.label} className={`side-head${column.mark ? " baseline" : ""}`}>
              <span className="side-title">{column.title ?? column.label}</span>
              {column.mark ? <span className="side-baseline-mark">{column.mark}</span> : null}
              {column.version ? null : <span className="faint">{column.missing}</span>}
            </li>
          ))}
        </ul>
        {rows.length === 0 ? (
          <div className="side-wide faint">None of these versions has a visualization.</div>
        ) : null}
        {rows.map((row) => (
          <section key={row.name} className="side-row" aria-label={`Visualization ${row.name}`}>
            <h3 className="side-wide">{row.name}</h3>
            {isChartRow(row) ? (
              <SharedChartRow row={row} labels={labels} missing={missing} />
            ) : (
              row.cells.map((cell, column) => (
                <figure
                  key={labels[column]}
                  className="side-cell"
                  aria-label={`${row.name} in ${labels[column]}`}
                >
                  {cell ? (
                    <ArtifactVisualization {...cell} />
                  ) : (
                    <MissingCell text={missing[column] ?? ""} />
                  )}
                </figure>
              ))
            )}
          </section>
        ))}
      </section>
    </div>
  );
}
