/** Tables (`headwater.Table`): typed columns, rows and per-cell statuses, read safely. */

export type TableColumnType = "string" | "integer" | "number" | "boolean";
export type CellStatus = "pass" | "fail";
export type TableCell = string | number | boolean | null;

export interface TableColumn {
  name: string;
  type: TableColumnType;
}

export interface StructuredTable {
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
  statuses?: (CellStatus | null)[][];
}

const TYPES: readonly string[] = ["string", "integer", "number", "boolean"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readColumn(value: unknown): TableColumn {
  if (!isRecord(value) || typeof value.name !== "string") {
    throw new Error("A column of this table has no name.");
  }
  const type = typeof value.type === "string" && TYPES.includes(value.type) ? value.type : "string";
  return { name: value.name, type: type as TableColumnType };
}

const isCell = (value: unknown): value is TableCell =>
  value === null || ["string", "number", "boolean"].includes(typeof value);
const isStatus = (value: unknown): value is CellStatus | null =>
  value === null || value === "pass" || value === "fail";

/** Read a table document; throws an Error saying what is wrong with it. */
export function parseStructuredTable(text: string): StructuredTable {
  const data: unknown = JSON.parse(text);
  if (!isRecord(data) || data.format !== "headwater.table" || !Array.isArray(data.columns)) {
    throw new Error("This table's data is not a table document.");
  }
  const columns = data.columns.map(readColumn);
  const rows = Array.isArray(data.rows) ? data.rows : [];
  if (!rows.every((row) => Array.isArray(row) && row.every(isCell))) {
    throw new Error("A row of this table is not a list of cells.");
  }
  const statuses =
    Array.isArray(data.statuses) &&
    data.statuses.every((row) => Array.isArray(row) && row.every(isStatus))
      ? (data.statuses as (CellStatus | null)[][])
      : undefined;
  return {
    title: typeof data.title === "string" ? data.title : "",
    columns,
    rows: rows as TableCell[][],
    statuses,
  };
}

/** A cell as text: numbers to at most four decimals, booleans as yes and no. */
export function formatCell(value: TableCell, type: TableColumnType): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" && type === "number" && !Number.isInteger(value)) {
    return value.toLocaleString("en", { maximumFractionDigits: 4 });
  }
  return typeof value === "number" ? value.toLocaleString("en") : value;
}

/** How many cells passed and failed, or null when the table has no statuses. */
export function statusCounts(table: StructuredTable): { pass: number; fail: number } | null {
  if (!table.statuses) return null;
  const all = table.statuses.flat();
  return {
    pass: all.filter((s) => s === "pass").length,
    fail: all.filter((s) => s === "fail").length,
  };
}
