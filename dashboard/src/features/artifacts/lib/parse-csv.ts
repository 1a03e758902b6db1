/** A small RFC 4180 CSV reader: quoted fields, doubled quotes, newlines inside quotes. */

export interface CsvTable {
  header: string[];
  rows: string[][];
}

function readRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The first record is the header; short rows are padded so every row has each column. */
export function parseCsv(text: string): CsvTable {
  const [header = [], ...rows] = readRecords(text);
  const width = header.length;
  return {
    header,
    rows: rows.map((row) =>
      row.length >= width ? row : [...row, ...Array<string>(width - row.length).fill("")],
    ),
  };
}

/** A number when the cell reads as one (for sorting numeric columns numerically). */
export function cellValue(cell: string): string | number {
  const trimmed = cell.trim();
  if (trimmed === "") return cell;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : cell;
}
