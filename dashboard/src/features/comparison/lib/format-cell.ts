/** How a compared value and its change against the baseline read in a cell. */
import { type CellChange, isMissing } from "@/features/comparison/lib/comparison-table";

export const MISSING_LABEL = "missing";

/** A value as text: numbers to 6 significant digits, lists and maps as JSON. */
export function formatValue(value: unknown): string {
  if (isMissing(value)) return MISSING_LABEL;
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return JSON.stringify(value);
}

function signed(value: number, digits: number): string {
  const shown = String(Number(value.toPrecision(digits)));
  return value > 0 ? `+${shown}` : shown;
}

/** `+0.05 (+5.6%)` for a number, `changed` for anything else, nothing when equal. */
export function formatChange(change: CellChange): string {
  switch (change.kind) {
    case "same":
      return "";
    case "missing":
    case "changed":
      return "changed";
    case "number": {
      const percent =
        change.percent === null
          ? ""
          : ` (${change.percent > 0 ? "+" : ""}${change.percent.toFixed(1)}%)`;
      return `${signed(change.absolute, 3)}${percent}`;
    }
  }
}
