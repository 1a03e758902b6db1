import { useEffect, useMemo, useRef } from "react";
import type { ComparedRun } from "@/features/comparison/api/compare-runs";
import type { ChartAxis } from "@/features/comparison/lib/chart-axes";
import type { ColorScale } from "@/features/comparison/lib/chart-colors";
import { parallelOption } from "@/features/comparison/lib/chart-options";
import type { BrushIntervals } from "@/features/comparison/lib/compare-search";
import { useECharts } from "@/features/comparison/lib/use-echarts";
import { useChartTokens } from "@/lib/use-chart-tokens";

export interface ParallelChartProps {
  axes: ChartAxis[];
  runs: ComparedRun[];
  colors: ColorScale;
  brush: Record<string, BrushIntervals> | undefined;
  onBrush: (axisId: string, intervals: BrushIntervals) => void;
}

// The URL (and so the table) follows the brush this long after it last moved; ECharts
// itself dims the lines on every frame.
const BRUSH_SETTLE_MS = 120;

interface AreaSelected {
  parallelAxisId?: string;
  intervals?: BrushIntervals;
}

/** Parallel coordinates: a line per run; drag along an axis to keep only the runs inside. */
export function ParallelChart({ axes, runs, colors, brush, onBrush }: ParallelChartProps) {
  const { ref, chart } = useECharts();
  const tokens = useChartTokens();
  const brushRef = useRef(brush);
  brushRef.current = brush;
  const onBrushRef = useRef(onBrush);
  onBrushRef.current = onBrush;
  const option = useMemo(
    () => parallelOption(axes, runs, colors, tokens),
    [axes, runs, colors, tokens],
  );
  useEffect(() => {
    if (!chart) return;
    chart.setOption(option, { notMerge: true });
    // The brush is the URL's: drawn again whenever the chart is.
    for (const [axisId, intervals] of Object.entries(brushRef.current ?? {})) {
      if (axes.some((axis) => axis.id === axisId)) {
        chart.dispatchAction({ type: "axisAreaSelect", parallelAxisId: axisId, intervals });
      }
    }
  }, [chart, option, axes]);
  useEffect(() => {
    if (!chart) return;
    const pending = new Map<string, BrushIntervals>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      for (const [axisId, intervals] of pending) {
        const current = brushRef.current?.[axisId] ?? [];
        if (JSON.stringify(current) !== JSON.stringify(intervals))
          onBrushRef.current(axisId, intervals);
      }
      pending.clear();
    };
    const handler = (event: unknown) => {
      const { parallelAxisId, intervals } = event as AreaSelected;
      if (!parallelAxisId) return;
      pending.set(parallelAxisId, intervals ?? []);
      clearTimeout(timer);
      timer = setTimeout(flush, BRUSH_SETTLE_MS);
    };
    chart.on("axisareaselected", handler);
    return () => {
      clearTimeout(timer);
      chart.off("axisareaselected", handler);
    };
  }, [chart]);
  return (
    <div
      ref={ref}
      className="compare-chart parallel"
      role="img"
      aria-label={`Parallel coordinates of ${runs.length} runs over ${axes.length} axes`}
      data-axes={axes.length}
    />
  );
}
