import { BarChart, HeatmapChart, LineChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import {
  type StructuredChart as Chart,
  describeStructuredChart,
} from "@/features/artifacts/lib/structured-chart";
import { structuredChartOption } from "@/features/artifacts/lib/structured-chart-options";
import { useChartTokens } from "@/lib/use-chart-tokens";

// Imported lazily, like the array charts: the first page never downloads ECharts.
use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export interface StructuredChartProps {
  chart: Chart;
}

/** A declarative chart (heatmap, line, bar or scatter), drawn by ECharts on a canvas. */
export function StructuredChart({ chart }: StructuredChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const tokens = useChartTokens();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas" });
    instance.setOption(structuredChartOption(chart, tokens));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [chart, tokens]);
  return (
    <div
      ref={ref}
      className="array-chart structured-chart"
      role="img"
      aria-label={describeStructuredChart(chart)}
    />
  );
}
