/** ECharts options for declarative charts, coloured from the theme's tokens. */
import type { EChartsOption } from "echarts";
import type { ChartTokens } from "@/features/artifacts/lib/chart-options";
import {
  cellRange,
  type StructuredChart,
  structuredHeatmapCells,
} from "@/features/artifacts/lib/structured-chart";

const VIRIDIS = ["#440154", "#3b518b", "#21908d", "#5cc863", "#fde725"];
// Distinguishable in light and dark themes alike.
const SERIES_COLOURS = ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#ec4899"];

function axisStyle(tokens: ChartTokens) {
  return {
    nameTextStyle: { color: tokens.muted },
    axisLine: { lineStyle: { color: tokens.border } },
    axisLabel: { color: tokens.muted },
    splitLine: { lineStyle: { color: tokens.grid } },
  };
}

function base(chart: StructuredChart, tokens: ChartTokens): EChartsOption {
  return {
    animation: false,
    color: SERIES_COLOURS,
    title: chart.title
      ? { text: chart.title, left: "center", textStyle: { color: tokens.text, fontSize: 13 } }
      : undefined,
    tooltip: {
      backgroundColor: tokens.surface,
      borderColor: tokens.border,
      textStyle: { color: tokens.text },
    },
  };
}

function heatmapOption(chart: StructuredChart, tokens: ChartTokens): EChartsOption {
  const [min, max] = cellRange(chart);
  const labels = chart.cell_labels;
  const columns = chart.x_axis.categories ?? [];
  const rows = chart.y_axis.categories ?? [];
  return {
    ...base(chart, tokens),
    grid: { left: 90, right: 90, top: chart.title ? 40 : 16, bottom: 56 },
    xAxis: {
      type: "category",
      data: columns,
      name: chart.x_axis.label,
      nameLocation: "middle",
      nameGap: 32,
      ...axisStyle(tokens),
      splitLine: { show: false },
    },
    yAxis: {
      type: "category",
      data: rows,
      inverse: true,
      name: chart.y_axis.label,
      nameLocation: "middle",
      nameGap: 70,
      ...axisStyle(tokens),
      splitLine: { show: false },
    },
    visualMap: {
      min,
      max,
      calculable: true,
      right: 8,
      top: "middle",
      textStyle: { color: tokens.muted },
      inRange: { color: VIRIDIS },
    },
    series: [
      {
        type: "heatmap",
        data: structuredHeatmapCells(chart),
        label: {
          show: columns.length <= 20 && rows.length <= 20,
          color: "#fff",
          textBorderColor: "#000",
          textBorderWidth: 2,
          formatter: (params) => {
            const [column, row, value] = params.value as [number, number, number | null];
            return labels?.[row]?.[column] ?? (value === null ? "" : String(value));
          },
        },
        progressive: 0,
      },
    ],
  };
}

function plotOption(chart: StructuredChart, tokens: ChartTokens): EChartsOption {
  const isBar = chart.kind === "bar";
  const hasLegend = chart.series.length > 1;
  return {
    ...base(chart, tokens),
    tooltip: { ...base(chart, tokens).tooltip, trigger: isBar ? "axis" : "item" },
    legend: hasLegend
      ? { bottom: 0, textStyle: { color: tokens.muted }, type: "scroll" }
      : undefined,
    grid: { left: 64, right: 24, top: chart.title ? 40 : 16, bottom: hasLegend ? 64 : 48 },
    xAxis: {
      type: isBar ? "category" : "value",
      data: isBar ? chart.x_axis.categories : undefined,
      name: chart.x_axis.label,
      nameLocation: "middle",
      nameGap: 28,
      min: chart.x_axis.min,
      max: chart.x_axis.max,
      interval: chart.x_axis.interval,
      scale: !isBar,
      ...axisStyle(tokens),
    },
    yAxis: {
      type: "value",
      name: chart.y_axis.label,
      nameLocation: "middle",
      nameGap: 44,
      min: chart.y_axis.min,
      max: chart.y_axis.max,
      interval: chart.y_axis.interval,
      ...axisStyle(tokens),
    },
    series: chart.series.map((series) =>
      isBar
        ? { type: "bar" as const, name: series.name, data: series.y }
        : {
            type: chart.kind === "scatter" ? ("scatter" as const) : ("line" as const),
            name: series.name,
            showSymbol: chart.kind === "scatter" || series.y.length <= 20,
            symbolSize: chart.kind === "scatter" ? 6 : 4,
            connectNulls: false,
            data: series.y.map((y, index) => [series.x?.[index] ?? index, y]),
          },
    ),
  };
}

/** The options that draw a declarative chart. */
export function structuredChartOption(chart: StructuredChart, tokens: ChartTokens): EChartsOption {
  return chart.kind === "heatmap" ? heatmapOption(chart, tokens) : plotOption(chart, tokens);
}
