/** Declarative charts (`headwater.Chart`): their shape as the server sends it, read safely. */

export type StructuredChartKind = "heatmap" | "line" | "bar" | "scatter";

export interface ChartAxis {
  label: string;
  categories?: string[];
  min?: number;
  max?: number;
  /** The distance between ticks, when charts side by side share the axis (never sent). */
  interval?: number;
}

export interface ChartSeries {
  name: string;
  x?: number[];
  y: (number | null)[];
}

export interface StructuredChart {
  format: "headwater.chart";
  kind: StructuredChartKind;
  title: string;
  x_axis: ChartAxis;
  y_axis: ChartAxis;
  series: ChartSeries[];
  cells?: (number | null)[][];
  cell_labels?: string[][];
  /** A heatmap's colour scale, when charts side by side share one (never sent). */
  value_range?: [number, number];
}

const KINDS: readonly string[] = ["heatmap", "line", "bar", "scatter"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => typeof item === "number");
const isCells = (value: unknown): value is (number | null)[] =>
  Array.isArray(value) && value.every((item) => item === null || typeof item === "number");
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** Whether a chart document is a declarative chart rather than an array's chart data. */
export function isStructuredChart(
  value: unknown,
): value is Record<string, unknown> & { format: "headwater.chart" } {
  return isRecord(value) && value.format === "headwater.chart";
}

function readAxis(value: unknown): ChartAxis {
  if (!isRecord(value)) return { label: "" };
  return {
    label: typeof value.label === "string" ? value.label : "",
    categories: isStrings(value.categories) ? value.categories : undefined,
    min: typeof value.min === "number" ? value.min : undefined,
    max: typeof value.max === "number" ? value.max : undefined,
  };
}

function readSeries(value: unknown): ChartSeries {
  if (!isRecord(value) || typeof value.name !== "string" || !isCells(value.y)) {
    throw new Error("A series of this chart has no name or no y values.");
  }
  return { name: value.name, x: isNumbers(value.x) ? value.x : undefined, y: value.y };
}

/** Read a declarative chart document; throws an Error saying what is wrong with it. */
export function parseStructuredChart(data: unknown): StructuredChart {
  if (!isStructuredChart(data)) {
    throw new Error("This chart's data is not a chart document.");
  }
  const kind = data.kind;
  if (typeof kind !== "string" || !KINDS.includes(kind)) {
    throw new Error(`This chart has an unknown kind '${String(kind)}'.`);
  }
  const series = Array.isArray(data.series) ? data.series.map(readSeries) : [];
  const cells =
    Array.isArray(data.cells) && data.cells.every(isCells)
      ? (data.cells as (number | null)[][])
      : undefined;
  if (kind === "heatmap" && !cells) throw new Error("This heatmap has no cells.");
  const labels =
    Array.isArray(data.cell_labels) && data.cell_labels.every(isStrings)
      ? (data.cell_labels as string[][])
      : undefined;
  return {
    format: "headwater.chart",
    kind: kind as StructuredChartKind,
    title: typeof data.title === "string" ? data.title : "",
    x_axis: readAxis(data.x_axis),
    y_axis: readAxis(data.y_axis),
    series,
    cells,
    cell_labels: labels,
  };
}

/** A sentence describing the chart, for screen readers. */
export function describeStructuredChart(chart: StructuredChart): string {
  const title = chart.title ? `: ${chart.title}` : "";
  if (chart.kind === "heatmap") {
    const rows = chart.cells?.length ?? 0;
    const columns = chart.cells?.[0]?.length ?? 0;
    return `Heatmap of ${rows} × ${columns} cells${title}`;
  }
  const names = chart.series.map((s) => s.name).join(", ");
  return `${chart.kind[0]?.toUpperCase()}${chart.kind.slice(1)} chart of ${names}${title}`;
}

/** Heatmap cells as ECharts wants them: `[column, row, value]`, with their labels. */
export function structuredHeatmapCells(chart: StructuredChart): [number, number, number | null][] {
  const cells: [number, number, number | null][] = [];
  (chart.cells ?? []).forEach((row, rowIndex) => {
    row.forEach((value, column) => {
      cells.push([column, rowIndex, value]);
    });
  });
  return cells;
}

/** The finite range of a heatmap's cells, for its colour scale. */
export function cellRange(chart: StructuredChart): [number, number] {
  if (chart.value_range) return chart.value_range;
  const values = (chart.cells ?? []).flat().filter((v): v is number => v !== null);
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  return high > low ? [low, high] : [low, low + 1];
}
