/** ECharts options of the comparison's charts, coloured from the theme's tokens. */
import type { EChartsOption } from "echarts";
import type { ComparedRun } from "@/features/comparison/api/compare-runs";
import { axisDatum, type ChartAxis } from "@/features/comparison/lib/chart-axes";
import type { ColorScale } from "@/features/comparison/lib/chart-colors";
import type { ChartTokens } from "@/lib/use-chart-tokens";

// ECharts reads "-" as "no value here".
const EMPTY = "-";

function axisStyle(tokens: ChartTokens) {
  return {
    axisLine: { lineStyle: { color: tokens.border } },
    axisTick: { lineStyle: { color: tokens.border } },
    axisLabel: { color: tokens.muted, fontSize: 11 },
    nameTextStyle: { color: tokens.text, fontSize: 11 },
    splitLine: { lineStyle: { color: tokens.grid } },
  };
}

function axisType(axis: ChartAxis) {
  return axis.kind === "number"
    ? { type: "value" as const, scale: true }
    : { type: "category" as const, data: axis.categories };
}

// A twentieth of the range on each side (rounded to nice ticks), so no point sits on the
// chart's edge; the axes cross at the corner, not at zero.
function scatterAxis(axis: ChartAxis) {
  if (axis.kind !== "number") return axisType(axis);
  return { type: "value" as const, scale: true, boundaryGap: ["5%", "5%"] as [string, string] };
}

/** One line per run across the chosen axes; the axes are brushed in ECharts itself. */
export function parallelOption(
  axes: readonly ChartAxis[],
  runs: readonly ComparedRun[],
  colors: ColorScale,
  tokens: ChartTokens,
): EChartsOption {
  const isCrowded = axes.length > 8;
  return {
    animation: false,
    parallel: { left: 64, right: 96, top: isCrowded ? 80 : 48, bottom: 32 },
    parallelAxis: axes.map((axis, dim) => ({
      dim,
      id: axis.id,
      name: axis.name,
      nameRotate: isCrowded ? 24 : 0,
      realtime: true,
      areaSelectStyle: {
        width: 22,
        color: tokens.accent,
        opacity: 0.25,
        borderColor: tokens.accent,
      },
      ...axisType(axis),
      ...axisStyle(tokens),
    })),
    series: [
      {
        type: "parallel",
        smooth: false,
        inactiveOpacity: 0.04,
        activeOpacity: 0.85,
        lineStyle: { width: runs.length > 200 ? 1 : 1.6, opacity: 0.85 },
        data: runs.map((run, index) => ({
          name: run.name,
          value: axes.map((axis) => axisDatum(axis, index) ?? EMPTY),
          lineStyle: { color: colors.colorOf(index) },
        })),
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ScatterPoint {
  value: [number | string, number | string];
  name: string;
  runId: string;
}

/** The runs' points of `x` against `y` (runs without either value are left out). */
export function scatterPoints(
  x: ChartAxis,
  y: ChartAxis,
  runs: readonly ComparedRun[],
  shown: readonly number[],
): ScatterPoint[] {
  return shown.flatMap((index) => {
    const run = runs[index];
    const at = [axisDatum(x, index), axisDatum(y, index)] as const;
    if (!run || at[0] === null || at[1] === null) return [];
    return [{ value: [at[0], at[1]], name: run.name, runId: run.id }];
  });
}

/** `x` against `y`, a point per run, coloured like the parallel coordinates' lines. */
export function scatterOption(
  x: ChartAxis,
  y: ChartAxis,
  points: readonly ScatterPoint[],
  colorOf: (runId: string) => string,
  tokens: ChartTokens,
): EChartsOption {
  return {
    animation: false,
    grid: { left: 72, right: 32, top: 32, bottom: 56 },
    tooltip: {
      trigger: "item",
      backgroundColor: tokens.surface,
      borderColor: tokens.border,
      textStyle: { color: tokens.text },
      formatter: (params) => {
        const point = (params as { data?: ScatterPoint }).data;
        if (!point) return "";
        const [a, b] = point.value;
        return `<strong>${escapeHtml(point.name)}</strong><br/>${escapeHtml(x.name)}: ${escapeHtml(String(a))}<br/>${escapeHtml(y.name)}: ${escapeHtml(String(b))}<br/><em>click to open the run</em>`;
      },
    },
    xAxis: {
      ...scatterAxis(x),
      ...axisStyle(tokens),
      axisLine: { onZero: false, lineStyle: { color: tokens.border } },
      name: x.name,
      nameLocation: "middle",
      nameGap: 32,
    },
    yAxis: {
      ...scatterAxis(y),
      ...axisStyle(tokens),
      axisLine: { onZero: false, lineStyle: { color: tokens.border } },
      name: y.name,
      nameLocation: "middle",
      nameGap: 52,
    },
    series: [
      {
        type: "scatter",
        symbolSize: points.length > 200 ? 7 : 11,
        cursor: "pointer",
        data: points.map((point) => ({
          ...point,
          itemStyle: { color: colorOf(point.runId), borderColor: tokens.border, borderWidth: 1 },
        })),
      },
    ],
  };
}
