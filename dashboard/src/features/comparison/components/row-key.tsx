import type { ComparisonRow } from "@/features/comparison/api/compare-runs";

export interface RowKeyProps {
  row: ComparisonRow;
  width: number;
  sort: "ascending" | "descending" | undefined;
  onSort: () => void;
  /** For an output's row: show that output's visualizations side by side. */
  onShowSideBySide?: () => void;
}

/** A row's key, sticky at the left; a click sorts the runs by this row's values. */
export function RowKey({ row, width, sort, onSort, onShowSideBySide }: RowKeyProps) {
  return (
    <th
      scope="row"
      className={`compare-key${onShowSideBySide ? " has-action" : ""}`}
      style={{ width }}
      aria-sort={sort}
    >
      <button
        type="button"
        title={`Sort the runs by ${row.key}`}
        aria-label={`Sort runs by ${row.key}`}
        onClick={onSort}
      >
        <span className="compare-key-text">{row.key}</span>
        <span aria-hidden="true" className="faint">
          {sort === "descending" ? "▼" : sort === "ascending" ? "▲" : ""}
        </span>
      </button>
      {onShowSideBySide ? (
        <button
          type="button"
          className="compare-key-action"
          title="Show its visualizations side by side"
          aria-label={`Show ${row.key} side by side`}
          onClick={onShowSideBySide}
        >
          side by side
        </button>
      ) : null}
    </th>
  );
}
