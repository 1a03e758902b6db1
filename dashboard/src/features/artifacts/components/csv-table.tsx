import { type Column, DataTable } from "@/components/ui/data-table";
import { cellValue, parseCsv } from "@/features/artifacts/lib/parse-csv";

export interface CsvTableProps {
  text: string;
  label: string;
}

const MAX_ROWS = 1000;

/** A CSV (or DataFrame preview) as a table sortable by any column. */
export function CsvTable({ text, label }: CsvTableProps) {
  const table = parseCsv(text);
  const rows = table.rows.slice(0, MAX_ROWS).map((cells, index) => ({ index, cells }));
  const columns: Column<(typeof rows)[number]>[] = table.header.map((name, column) => ({
    key: String(column),
    header: name || (column === 0 ? "#" : `column ${column}`),
    sortValue: (row) => cellValue(row.cells[column] ?? ""),
    render: (row) => row.cells[column] ?? "",
  }));
  return (
    <div className="section">
      <div className="card csv-table">
        <DataTable
          label={label}
          columns={columns}
          rows={rows}
          rowKey={(row) => String(row.index)}
        />
      </div>
      <span className="faint">
        {table.rows.length.toLocaleString()} rows × {table.header.length} columns
        {table.rows.length > MAX_ROWS ? ` (first ${MAX_ROWS} shown)` : ""}
      </span>
    </div>
  );
}
