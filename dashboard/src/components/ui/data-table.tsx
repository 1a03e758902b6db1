import { type KeyboardEvent, type ReactNode, useMemo, useState } from "react";

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Makes the column sortable (client side, unless the table's sort is controlled). */
  sortValue?: (row: Row) => string | number | null;
  sortable?: boolean;
  numeric?: boolean;
}

export interface TableSort {
  key: string;
  descending: boolean;
}

export interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  label: string;
  onRowOpen?: (row: Row) => void;
  /** Controlled sort (e.g. kept in the URL and done by the server). */
  sort?: TableSort | null;
  onSortChange?: (sort: TableSort) => void;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** A table with sortable headers; rows open with a click, Enter or Space. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, label, onRowOpen, onSortChange } = props;
  const [localSort, setLocalSort] = useState<TableSort | null>(null);
  const sort = props.sort !== undefined ? props.sort : localSort;
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!sort || !column?.sortValue || onSortChange) return rows;
    const value = column.sortValue;
    const copy = [...rows].sort((a, b) => compare(value(a), value(b)));
    return sort.descending ? copy.reverse() : copy;
  }, [rows, columns, sort, onSortChange]);
  const toggle = (key: string) => {
    const next = { key, descending: sort?.key === key ? !sort.descending : false };
    if (onSortChange) onSortChange(next);
    else setLocalSort(next);
  };
  const onKey = (event: KeyboardEvent, row: Row) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onRowOpen?.(row);
    }
  };
  return (
    <div className="table-wrap">
      <table className="data" aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                className={column.numeric ? "num" : undefined}
                aria-sort={
                  sort?.key === column.key
                    ? sort.descending
                      ? "descending"
                      : "ascending"
                    : undefined
                }
              >
                {column.sortValue || column.sortable ? (
                  <button type="button" onClick={() => toggle(column.key)}>
                    {column.header}
                    <span aria-hidden="true">
                      {sort?.key === column.key ? (sort.descending ? "▼" : "▲") : "↕"}
                    </span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={rowKey(row)}
              className={onRowOpen ? "clickable" : undefined}
              tabIndex={onRowOpen ? 0 : undefined}
              onClick={onRowOpen ? () => onRowOpen(row) : undefined}
              onKeyDown={onRowOpen ? (event) => onKey(event, row) : undefined}
            >
              {columns.map((column) => (
                <td key={column.key} className={column.numeric ? "num" : undefined}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
