import type { CSSProperties } from "react";
import { cellChange } from "@/features/comparison/lib/comparison-table";
import { formatChange, formatValue } from "@/features/comparison/lib/format-cell";

export interface ComparisonCellProps {
  value: unknown;
  /** The baseline run's value of the same row. */
  base: unknown;
  isBaseline: boolean;
  style: CSSProperties;
}

/** A value with its change against the baseline; a differing cell is highlighted. */
export function ComparisonCell({ value, base, isBaseline, style }: ComparisonCellProps) {
  const change = isBaseline ? { kind: "same" as const } : cellChange(value, base);
  const text = formatValue(value);
  const isMissing = value === null || value === undefined;
  const className = [
    "compare-cell",
    isBaseline ? "baseline" : "",
    change.kind === "same" ? "" : "changed",
    isMissing ? "missing" : "",
  ].join(" ");
  const delta = formatChange(change);
  return (
    <td className={className} style={style} title={delta ? `${text} · ${delta}` : text}>
      <span className="compare-value">{text}</span>
      {delta && !isMissing ? <span className="compare-delta">{delta}</span> : null}
    </td>
  );
}
