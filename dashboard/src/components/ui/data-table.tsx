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

/** Row checkboxes, keyed by `rowKey`; `rowLabel` names a row for screen readers. */
export interface TableSelection<Row> {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  rowLabel: (row: Row) => string;
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
  selection?: TableSelection<Row>;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function SelectAllBox<Row>({ rows, rowKey, selection }: SelectionCellProps<Row>) {
  const keys = rows.map(rowKey);
  const count = keys.filter((key) => selection.selected.has(key)).length;
  const toggle = () => {
    const next = new Set(selection.selected);
    for (const key of keys) {
      if (count === keys.length) next.delete(key);
      else next.add(key);
    }
    selection.onChange(next);
  };
  return (
    <th className="select-cell">
      <input
        type="checkbox"
        aria-label="Select all rows on this page"
        checked={keys.length > 0 && count === keys.length}
        ref={(box) => {
          if (box) box.indeterminate = count > 0 && count < keys.length;
        }}
        onChange={toggle}
      />
    </th>
  );
}

interface SelectionCellProps<Row> {
  rows: Row[];
  rowKey: (row: Row) => string;
  selection: TableSelection<Row>;
}

function SelectBox<Row>({
  row,
  rowKey,
  selection,
}: Omit<SelectionCellProps<Row>, "rows"> & { row: Row }) {
  const key = rowKey(row);
  const toggle = () => {
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };
  return (
    // A click on the box must not open the row.
    <td
      className="select-cell"
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <input
        type="checkbox"
        aria-label={`Select ${selection.rowLabel(row)}`}
        checked={selection.selected.has(key)}
        onChange={toggle}
      />
    </td>
  );
}

/** A table with sortable headers; rows open with a click, Enter or Space. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, label, onRowOpen, onSortChange, selection } = props;
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
            {selection ? (
              <SelectAllBox rows={sorted} rowKey={rowKey} selection={selection} />
            ) : null}
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
              {selection ? <SelectBox row={row} rowKey={rowKey} selection={selection} /> : null}
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
