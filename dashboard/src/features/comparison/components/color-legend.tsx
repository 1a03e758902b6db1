import type { ColorScale } from "@/features/comparison/lib/chart-colors";
import { VIRIDIS } from "@/features/comparison/lib/chart-colors";
import { formatValue } from "@/features/comparison/lib/format-cell";

export interface ColorLegendProps {
  name: string;
  colors: ColorScale;
}

/** The colour scale's ends: lowest value on the left, highest on the right. */
export function ColorLegend({ name, colors }: ColorLegendProps) {
  return (
    <span className="row compare-legend" title={`Lines are coloured by ${name}`}>
      <span className="faint">{formatValue(colors.min)}</span>
      <span
        className="compare-legend-bar"
        aria-hidden="true"
        style={{ background: `linear-gradient(to right, ${VIRIDIS.join(", ")})` }}
      />
      <span className="faint">{formatValue(colors.max)}</span>
    </span>
  );
}
