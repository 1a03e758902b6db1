import { useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo } from "react";
import type { ComparedRun } from "@/features/comparison/api/compare-runs";
import type { ChartAxis } from "@/features/comparison/lib/chart-axes";
import {
  type ScatterPoint,
  scatterOption,
  scatterPoints,
} from "@/features/comparison/lib/chart-options";
import { useECharts } from "@/features/comparison/lib/use-echarts";
import { useChartTokens } from "@/lib/use-chart-tokens";

export interface ScatterChartProps {
  x: ChartAxis;
  y: ChartAxis;
  runs: ComparedRun[];
  /** The runs shown (the brush's), as indexes into `runs`. */
  shown: number[];
  colorOf: (run: number) => string;
}

/** Any row against any row, a point per run; a click opens the run. */
export function ScatterChart({ x, y, runs, shown, colorOf }: ScatterChartProps) {
  const { ref, chart } = useECharts();
  const tokens = useChartTokens();
  const navigate = useNavigate();
  const points = useMemo(() => scatterPoints(x, y, runs, shown), [x, y, runs, shown]);
  useEffect(() => {
    if (!chart) return;
    const indexOf = new Map(runs.map((run, index) => [run.id, index]));
    const option = scatterOption(x, y, points, (id) => colorOf(indexOf.get(id) ?? -1), tokens);
    chart.setOption(option, { notMerge: true });
  }, [chart, x, y, points, runs, colorOf, tokens]);
  useEffect(() => {
    if (!chart) return;
    const open = (event: unknown) => {
      const point = (event as { data?: ScatterPoint }).data;
      if (point) void navigate({ to: "/runs/$runId", params: { runId: point.runId } });
    };
    chart.on("click", open);
    return () => {
      chart.off("click", open);
    };
  }, [chart, navigate]);
  return (
    <div
      ref={ref}
      className="compare-chart scatter"
      role="img"
      aria-label={`${y.name} against ${x.name}, ${points.length} runs`}
    />
  );
}
