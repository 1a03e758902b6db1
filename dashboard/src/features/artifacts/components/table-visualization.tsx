import { useMemo } from "react";
import { type Column, DataTable } from "@/components/ui/data-table";
import {
  formatCell,
  parseStructuredTable,
  statusCounts,
  type TableCell,
} from "@/features/artifacts/lib/structured-table";
import { errorMessage } from "@/lib/api-client";

export interface TableVisualizationProps {
  text: string;
  label: string;
}

const MAX_ROWS = 1000;

interface TableRow {
  index: number;
  cells: TableCell[];
}

/** A `headwater.Table`: typed, sortable columns; 'pass' and 'fail' cells marked. */
export function TableVisualization({ text, label }: TableVisualizationProps) {
  const parsed = useMemo(() => {
    try {
      return { table: parseStructuredTable(text), error: null };
    } catch (error) {
      return { table: null, error };
    }
  }, [text]);
  const table = parsed.table;
  if (!table) {
    return (
      <div className="state error" role="alert">
        <div className="state-title">Could not show the table {label}</div>
        <div>{errorMessage(parsed.error)}</div>
      </div>
    );
  }
  const rows: TableRow[] = table.rows.slice(0, MAX_ROWS).map((cells, index) => ({ index, cells }));
  const columns: Column<TableRow>[] = table.columns.map((column, at) => ({
    key: String(at),
    header: column.name,
    numeric: column.type === "integer" || column.type === "number",
    sortValue: (row) => {
      const cell = row.cells[at] ?? null;
      return typeof cell === "boolean" ? Number(cell) : cell;
    },
    render: (row) => {
      const text = formatCell(row.cells[at] ?? null, column.type);
      const status = table.statuses?.[row.index]?.[at] ?? null;
      if (status === null) return text;
      return (
        <span className={`cell-status ${status}`}>
          {status === "pass" ? "✓" : "✗"} {text || status}
        </span>
      );
    },
  }));
  const counts = statusCounts(table);
  return (
    <div className="section">
      {table.title ? <strong>{table.title}</strong> : null}
      <div className="card csv-table">
        <DataTable label={label} columns={columns} rows={rows} rowKey={(r) => String(r.index)} />
      </div>
      <span className="faint">
        {table.rows.length.toLocaleString("en")} rows
        {counts ? ` · ${counts.pass} passed, ${counts.fail} failed` : ""}
        {table.rows.length > MAX_ROWS ? ` (first ${MAX_ROWS} shown)` : ""}
      </span>
    </div>
  );
}
