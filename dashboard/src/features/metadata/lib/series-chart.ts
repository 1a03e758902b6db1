/** ECharts options for a metadata key's history: one line per pipeline (or model). */
import type { EChartsOption, LineSeriesOption } from "echarts";
import type { MetadataPoint, MetadataSeries } from "@/features/metadata/lib/explorer-search";

/** The theme colours a chart uses, read from CSS variables. */
export interface ChartTokens {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  border: string;
}

// Okabe-Ito's colour-blind safe set, readable on light and dark surfaces; lines are
// pipelines, so none of them borrows a status colour's meaning.
export const LINE_PALETTE = [
  "#0072b2",
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#56b4e9",
  "#d55e00",
  "#f0e442",
  "#999999",
];

/** A drawn point: [time, value, run id or "", min, max, count, entity name]. */
export type ChartDatum = [string, number, string, number, number, number, string];

export const NO_GROUP = "(no pipeline)";

/** The numeric points of each line, in time order, keyed by line name. */
export function seriesLines(series: MetadataSeries): Map<string, ChartDatum[]> {
  const lines = new Map<string, ChartDatum[]>();
  for (const point of series.points) {
    if (point.value === null || point.value === undefined) continue;
    const name = point.group ?? NO_GROUP;
    const line = lines.get(name) ?? [];
    line.push(datum(point, point.value));
    lines.set(name, line);
  }
  return lines;
}

function datum(point: MetadataPoint, value: number): ChartDatum {
  return [
    point.time,
    value,
    point.run_id ?? "",
    point.min ?? value,
    point.max ?? value,
    point.count ?? 1,
    point.entity_name ?? "",
  ];
}

/** What the tooltip says about one point. */
export function describeDatum(line: string, datum: ChartDatum): string {
  const [time, value, , min, max, count, name] = datum;
  const when = time.replace("T", " ").slice(0, 19);
  if (count > 1) {
    return `${line}: mean ${format(value)} of ${count} (min ${format(min)}, max ${format(max)}) · ${when}`;
  }
  return `${name || line}: ${format(value)} · ${when}`;
}

function format(value: number): string {
  return String(Number(value.toPrecision(4)));
}

export function historyOption(series: MetadataSeries, tokens: ChartTokens): EChartsOption {
  const lines = [...seriesLines(series)];
  const axis = {
    axisLine: { lineStyle: { color: tokens.border } },
    axisLabel: { color: tokens.muted },
    splitLine: { lineStyle: { color: tokens.grid } },
  };
  return {
    animation: false,
    color: LINE_PALETTE,
    grid: { left: 56, right: 24, top: 36, bottom: 64 },
    legend: { top: 4, textStyle: { color: tokens.text }, type: "scroll" },
    tooltip: {
      trigger: "item",
      backgroundColor: tokens.surface,
      borderColor: tokens.border,
      textStyle: { color: tokens.text },
    },
    xAxis: { type: "time", ...axis },
    yAxis: { type: "value", scale: true, ...axis },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 12 }],
    series: lines.map(
      ([name, data]): LineSeriesOption => ({
        type: "line",
        name,
        data,
        showSymbol: true,
        symbolSize: data.length > 200 ? 3 : 6,
        connectNulls: false,
        tooltip: {
          formatter: (params) => {
            const value = (params as { value?: unknown }).value;
            return Array.isArray(value) ? describeDatum(name, value as ChartDatum) : name;
          },
        },
      }),
    ),
  };
}
