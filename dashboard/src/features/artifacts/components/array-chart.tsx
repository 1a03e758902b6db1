import { HeatmapChart, LineChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { ChartData } from "@/features/artifacts/lib/chart-data";
import { chartOption } from "@/features/artifacts/lib/chart-options";
import { useChartTokens } from "@/lib/use-chart-tokens";

// Loaded only when a chart is shown (this module is imported lazily): the first page
// never downloads ECharts.
use([
  LineChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  DataZoomComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export interface ArrayChartProps {
  chart: ChartData;
  label: string;
}

/** A line chart or heatmap of an array, drawn by ECharts on a canvas. */
export function ArrayChart({ chart, label }: ArrayChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const tokens = useChartTokens();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas" });
    instance.setOption(chartOption(chart, tokens));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [chart, tokens]);
  return <div ref={ref} className="array-chart" role="img" aria-label={label} />;
}
