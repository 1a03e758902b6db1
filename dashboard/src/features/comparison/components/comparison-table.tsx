import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import type { Comparison, ComparisonRow } from "@/features/comparison/api/compare-runs";
import { ComparisonCell } from "@/features/comparison/components/comparison-cell";
import { RowKey } from "@/features/comparison/components/row-key";
import { RunColumnHeader } from "@/features/comparison/components/run-column-header";
import { type CompareSearch, rowId } from "@/features/comparison/lib/compare-search";
import { groupedItems, type TableView } from "@/features/comparison/lib/comparison-table";
import { outputOfRowKey } from "@/features/comparison/lib/run-outputs";

export interface ComparisonTableProps {
  comparison: Comparison;
  view: TableView;
  baseline: number;
  search: CompareSearch;
  onSearchChange: (patch: Partial<CompareSearch>) => void;
  onRemoveRun: (runId: string) => void;
}

const KEY_WIDTH = 300;
const COLUMN_WIDTH = 190;
const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 58;

/**
 * Keys down, runs across; only the cells in sight are rendered (both ways), so 500 runs
 * of 500 keys scroll like 5. The key column and the run headers stay in place.
 */
export function ComparisonTable(props: ComparisonTableProps) {
  const { comparison, view, baseline, search, onSearchChange, onRemoveRun } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const items = useMemo(() => groupedItems(view.rows), [view.rows]);
  // The first render already fills the window (the scroller is at most that big), so the
  // first paint draws the cells once instead of a few, then the rest (issue 11).
  const initialRect = useMemo(() => ({ width: window.innerWidth, height: window.innerHeight }), []);
  // The sticky header and key column cover the first HEADER_HEIGHT and KEY_WIDTH pixels of
  // the scroller: the rows and runs under them count as out of sight, and those just past
  // them are drawn before they scroll out from under the key column.
  const rows = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    initialRect,
    overscan: 8,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: view.columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => COLUMN_WIDTH,
    paddingStart: KEY_WIDTH,
    initialRect,
    overscan: 2,
  });
  const width = columns.getTotalSize();
  const shownColumns = columns.getVirtualItems();
  const sideBySide = (row: ComparisonRow) => {
    const output = row.group === "outputs" ? outputOfRowKey(row.key) : undefined;
    return output ? () => onSearchChange({ view: "visualizations", ...output }) : undefined;
  };
  const sortBy = (id: string) =>
    onSearchChange({ sort: id, desc: search.sort === id && !search.desc ? true : undefined });
  return (
    <div ref={scroller} className="compare-scroller">
      <table
        className="compare-grid"
        aria-label="Comparison"
        aria-rowcount={view.rows.length + 1}
        aria-colcount={view.columns.length + 1}
        style={{ width, height: rows.getTotalSize() }}
      >
        <thead>
          <tr className="compare-head" style={{ width, height: HEADER_HEIGHT }}>
            <th scope="col" className="compare-corner" style={{ width: KEY_WIDTH }}>
              {view.rows.length.toLocaleString("en")} rows · {view.columns.length} runs
            </th>
            {shownColumns.map((column) => {
              const index = view.columns[column.index] ?? 0;
              const run = comparison.runs[index];
              return run ? (
                <RunColumnHeader
                  key={run.id}
                  run={run}
                  isBaseline={index === baseline}
                  style={{ left: column.start, width: COLUMN_WIDTH }}
                  onBaseline={() => onSearchChange({ baseline: run.id })}
                  onRemove={() => onRemoveRun(run.id)}
                />
              ) : null;
            })}
          </tr>
        </thead>
        <tbody>
          {rows.getVirtualItems().map((virtual) => {
            const item = items[virtual.index];
            if (!item) return null;
            const style = { top: virtual.start, height: ROW_HEIGHT, width };
            if (item.kind === "group") {
              return (
                <tr key={`group:${item.group}`} className="compare-group" style={style}>
                  <th scope="rowgroup" className="compare-group-name" style={{ width: KEY_WIDTH }}>
                    {item.group} <span className="faint">{item.count}</span>
                  </th>
                </tr>
              );
            }
            const row = item.row;
            const id = rowId(row);
            return (
              <tr key={id} className="compare-row" style={style}>
                <RowKey
                  row={row}
                  width={KEY_WIDTH}
                  sort={search.sort === id ? (search.desc ? "descending" : "ascending") : undefined}
                  onSort={() => sortBy(id)}
                  onShowSideBySide={sideBySide(row)}
                />
                {shownColumns.map((column) => {
                  const index = view.columns[column.index] ?? 0;
                  return (
                    <ComparisonCell
                      key={index}
                      value={row.values[index]}
                      base={row.values[baseline]}
                      isBaseline={index === baseline}
                      style={{ left: column.start, width: COLUMN_WIDTH }}
                    />
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
