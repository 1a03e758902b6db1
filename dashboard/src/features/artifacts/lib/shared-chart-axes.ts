/**
 * The same declarative chart of several artifact versions, put on the same axes (or the same
 * colour scale) so columns side by side compare at a glance instead of each fitting its data.
 */
import { cellRange, type StructuredChart } from "@/features/artifacts/lib/structured-chart";

export interface SharedCharts {
  /** The charts, in their columns' order; a missing one stays missing. */
  charts: (StructuredChart | undefined)[];
  /** What the columns share, said for the caption; null when nothing is shared. */
  shared: string | null;
}

type Range = [number, number];

interface SharedAxis {
  range: Range;
  /** The distance between ticks, fixed so every column draws the same ones. */
  interval: number;
}

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value);

function extent(values: (number | null | undefined)[]): Range | undefined {
  const finite = values.filter(isNumber);
  if (finite.length === 0) return undefined;
  return [Math.min(...finite), Math.max(...finite)];
}

/** A range widened to round ticks about five apart, so every column reads the same labels. */
export function niceAxis([low, high]: Range): SharedAxis {
  if (high <= low) return { range: [low, low + 1], interval: 0.2 };
  const raw = (high - low) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const interval = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
  // Rounding away float noise (0.30000000000000004) keeps the labels short.
  const round = (value: number) => Number(value.toPrecision(12));
  return {
    range: [
      round(Math.floor(low / interval) * interval),
      round(Math.ceil(high / interval) * interval),
    ],
    interval: round(interval),
  };
}

function withZero([low, high]: Range): Range {
  return [Math.min(0, low), Math.max(0, high)];
}

const format = (value: number) => value.toLocaleString("en", { maximumSignificantDigits: 6 });
const said = ([low, high]: Range) => `${format(low)} – ${format(high)}`;

function plotAxes(charts: StructuredChart[]): { x: SharedAxis; y: SharedAxis } | undefined {
  const xs = charts.flatMap((chart) => [
    chart.x_axis.min,
    chart.x_axis.max,
    ...chart.series.flatMap((s) => s.x ?? s.y.map((_, index) => index)),
  ]);
  const ys = charts.flatMap((chart) => [
    chart.y_axis.min,
    chart.y_axis.max,
    ...chart.series.flatMap((s) => s.y),
  ]);
  const x = extent(xs);
  const y = extent(ys);
  // The value axis of a plot starts at zero, as each chart alone would draw it.
  return x && y ? { x: niceAxis(x), y: niceAxis(withZero(y)) } : undefined;
}

function sharePlots(charts: StructuredChart[]): SharedCharts | undefined {
  const axes = plotAxes(charts);
  if (!axes) return undefined;
  const { x, y } = axes;
  return {
    charts: charts.map((chart) => ({
      ...chart,
      x_axis: { ...chart.x_axis, min: x.range[0], max: x.range[1], interval: x.interval },
      y_axis: { ...chart.y_axis, min: y.range[0], max: y.range[1], interval: y.interval },
    })),
    shared: `Same axes in every column: x ${said(x.range)}, y ${said(y.range)}`,
  };
}

function shareBars(charts: StructuredChart[]): SharedCharts | undefined {
  if (!charts.every((chart) => chart.x_axis.categories)) return undefined;
  // Every category of any column, in first-seen order; a column without one shows a gap.
  const categories = [...new Set(charts.flatMap((chart) => chart.x_axis.categories ?? []))];
  const range = extent(charts.flatMap((chart) => chart.series.flatMap((s) => s.y)));
  if (!range) return undefined;
  const y = niceAxis(withZero(range));
  return {
    charts: charts.map((chart) => {
      const own = chart.x_axis.categories ?? [];
      return {
        ...chart,
        x_axis: { ...chart.x_axis, categories },
        y_axis: { ...chart.y_axis, min: y.range[0], max: y.range[1], interval: y.interval },
        series: chart.series.map((series) => ({
          ...series,
          y: categories.map((category) => {
            const index = own.indexOf(category);
            return index === -1 ? null : (series.y[index] ?? null);
          }),
        })),
      };
    }),
    shared: `Same categories and axis in every column: y ${said(y.range)}`,
  };
}

function shareHeatmaps(charts: StructuredChart[]): SharedCharts {
  const ranges = charts.map((chart) => cellRange({ ...chart, value_range: undefined }));
  const range: Range = [
    Math.min(...ranges.map(([low]) => low)),
    Math.max(...ranges.map(([, high]) => high)),
  ];
  return {
    charts: charts.map((chart) => ({ ...chart, value_range: range })),
    shared: `Same colour scale in every column: ${said(range)}`,
  };
}

/** Charts of one kind share their axes; mixed kinds, or a single chart, are left alone. */
export function shareAxes(charts: (StructuredChart | undefined)[]): SharedCharts {
  const present = charts.filter((chart): chart is StructuredChart => chart !== undefined);
  const kind = present[0]?.kind;
  const unchanged = { charts, shared: null };
  if (present.length < 2 || !present.every((chart) => chart.kind === kind)) return unchanged;
  const result =
    kind === "heatmap"
      ? shareHeatmaps(present)
      : kind === "bar"
        ? shareBars(present)
        : sharePlots(present);
  if (!result) return unchanged;
  // Put the shared charts back in their columns, gaps where a column has none.
  const queue = [...result.charts];
  return {
    charts: charts.map((chart) => (chart === undefined ? undefined : queue.shift())),
    shared: result.shared,
  };
}
