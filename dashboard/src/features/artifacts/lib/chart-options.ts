/** ECharts options for array chart data, coloured from the theme's tokens. */
import type { EChartsOption } from "echarts";
import {
  blockStart,
  type ChartData,
  type HeatmapChartData,
  heatmapCells,
  type LineChartData,
} from "@/features/artifacts/lib/chart-data";

/** The theme colours a chart uses, read from CSS variables. */
import type { ChartTokens } from "@/lib/use-chart-tokens";

export type { ChartTokens };

// Viridis, as in the PNG heatmaps: perceptually even and colour-blind safe.
const VIRIDIS = [
  "#440154",
  "#472c7a",
  "#3b518b",
  "#2c718e",
  "#21908d",
  "#27ad81",
  "#5cc863",
  "#aadc32",
  "#fde725",
];

function axisStyle(tokens: ChartTokens) {
  return {
    axisLine: { lineStyle: { color: tokens.border } },
    axisLabel: { color: tokens.muted },
    splitLine: { lineStyle: { color: tokens.grid } },
  };
}

function tooltip(tokens: ChartTokens) {
  return {
    backgroundColor: tokens.surface,
    borderColor: tokens.border,
    textStyle: { color: tokens.text },
  };
}

function lineOption(chart: LineChartData, tokens: ChartTokens): EChartsOption {
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 16, bottom: 64 },
    tooltip: { ...tooltip(tokens), trigger: "axis" },
    xAxis: { type: "value", name: "index", min: 0, max: chart.shape[0] - 1, ...axisStyle(tokens) },
    yAxis: { type: "value", scale: true, ...axisStyle(tokens) },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 12 }],
    series: [
      {
        type: "line",
        showSymbol: chart.x.length <= 60,
        // null values break the line rather than joining across a gap.
        connectNulls: false,
        lineStyle: { color: tokens.accent, width: 1.5 },
        itemStyle: { color: tokens.accent },
        data: chart.x.map((x, index) => [x, chart.y[index] ?? null]),
      },
    ],
  };
}

/** Show about ten labels on a category axis of `count` cells. */
function labelEvery(count: number): number {
  return Math.max(0, Math.ceil(count / 10) - 1);
}

function heatmapOption(chart: HeatmapChartData, tokens: ChartTokens): EChartsOption {
  const [blockRows, blockColumns] = chart.block;
  const rows = chart.values.map((_, row) => String(blockStart(row, blockRows)));
  const columns = (chart.values[0] ?? []).map((_, column) =>
    String(blockStart(column, blockColumns)),
  );
  return {
    animation: false,
    grid: { left: 56, right: 90, top: 16, bottom: 40 },
    tooltip: {
      ...tooltip(tokens),
      formatter: (params) => {
        const value = Array.isArray(params) ? undefined : params.value;
        if (!Array.isArray(value)) return "";
        const [column, row, cell] = value as [number, number, number | null];
        const where = `row ${blockStart(row, blockRows)}, column ${blockStart(column, blockColumns)}`;
        return `${where}: ${cell === null ? "no finite value" : cell}`;
      },
    },
    xAxis: {
      type: "category",
      data: columns,
      ...axisStyle(tokens),
      axisLabel: { color: tokens.muted, interval: labelEvery(columns.length) },
      splitLine: { show: false },
    },
    yAxis: {
      type: "category",
      data: rows,
      inverse: true,
      ...axisStyle(tokens),
      axisLabel: { color: tokens.muted, interval: labelEvery(rows.length) },
      splitLine: { show: false },
    },
    visualMap: {
      min: chart.min ?? 0,
      max: chart.max ?? 1,
      calculable: true,
      orient: "vertical",
      right: 8,
      top: "middle",
      textStyle: { color: tokens.muted },
      inRange: { color: VIRIDIS },
    },
    // At most 200 x 200 cells: drawn in one frame, never half a heatmap.
    series: [
      { type: "heatmap", data: heatmapCells(chart), progressive: 0, progressiveThreshold: 1e6 },
    ],
  };
}

/** The options that draw `chart`. */
export function chartOption(chart: ChartData, tokens: ChartTokens): EChartsOption {
  return chart.kind === "line" ? lineOption(chart, tokens) : heatmapOption(chart, tokens);
}
