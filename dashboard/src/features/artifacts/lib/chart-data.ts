/** Array chart data as the server sends it (a `chart` visualization), and what it means. */

export interface LineChartData {
  kind: "line";
  /** The array's length. */
  shape: [number];
  /** 1 when every value is there; else each point is a bucket's lowest or highest value. */
  bucket: number;
  x: number[];
  y: (number | null)[];
  min: number | null;
  max: number | null;
}

export interface HeatmapChartData {
  kind: "heatmap";
  /** The array's rows and columns. */
  shape: [number, number];
  /** Each cell is the mean of a block of this many rows and columns. */
  block: [number, number];
  values: (number | null)[][];
  min: number | null;
  max: number | null;
}

export type ChartData = LineChartData | HeatmapChartData;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => typeof item === "number");
const isCells = (value: unknown): value is (number | null)[] =>
  Array.isArray(value) && value.every((item) => item === null || typeof item === "number");
const isBound = (value: unknown): value is number | null =>
  value === null || typeof value === "number";

/** Read a chart document; throws an Error saying what is wrong with it. */
export function parseChartData(text: string): ChartData {
  const data: unknown = JSON.parse(text);
  if (!isRecord(data) || !isBound(data.min) || !isBound(data.max)) {
    throw new Error("This chart's data is not a chart document.");
  }
  const { min, max } = data;
  if (data.kind === "line" && isNumbers(data.shape) && isNumbers(data.x) && isCells(data.y)) {
    const [length = data.x.length] = data.shape;
    const bucket = typeof data.bucket === "number" ? data.bucket : 1;
    return { kind: "line", shape: [length], bucket, x: data.x, y: data.y, min, max };
  }
  if (
    data.kind === "heatmap" &&
    isNumbers(data.shape) &&
    isNumbers(data.block) &&
    Array.isArray(data.values) &&
    data.values.every(isCells)
  ) {
    const [rows = 0, columns = 0] = data.shape;
    const [blockRows = 1, blockColumns = 1] = data.block;
    const values = data.values as (number | null)[][];
    return {
      kind: "heatmap",
      shape: [rows, columns],
      block: [blockRows, blockColumns],
      values,
      min,
      max,
    };
  }
  throw new Error(`This chart's data has an unknown kind '${String(data.kind)}'.`);
}

/** How the chart was sampled, in words, or null when it shows every value. */
export function describeSampling(chart: ChartData): string | null {
  if (chart.kind === "line") {
    if (chart.bucket <= 1) return null;
    return (
      `Downsampled on the server: ${chart.x.length.toLocaleString("en")} of ` +
      `${chart.shape[0].toLocaleString("en")} points, the lowest and highest of every ` +
      `${chart.bucket.toLocaleString("en")}.`
    );
  }
  const [blockRows, blockColumns] = chart.block;
  if (blockRows <= 1 && blockColumns <= 1) return null;
  const rows = chart.values.length;
  const columns = chart.values[0]?.length ?? 0;
  return (
    `Downsampled on the server: ${rows} × ${columns} cells for ` +
    `${chart.shape[0].toLocaleString("en")} × ${chart.shape[1].toLocaleString("en")} values, ` +
    `each the mean of a ${blockRows} × ${blockColumns} block.`
  );
}

/** Heatmap cells as ECharts wants them: `[column, row, value]`. */
export function heatmapCells(chart: HeatmapChartData): [number, number, number | null][] {
  const cells: [number, number, number | null][] = [];
  chart.values.forEach((row, rowIndex) => {
    row.forEach((value, column) => {
      cells.push([column, rowIndex, value]);
    });
  });
  return cells;
}

/** The array index a downsampled heatmap row or column starts at. */
export function blockStart(cell: number, block: number): number {
  return cell * block;
}
