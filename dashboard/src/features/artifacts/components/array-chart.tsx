import { HeatmapChart, LineChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";
import type { ChartData } from "@/features/artifacts/lib/chart-data";
import { type ChartTokens, chartOption } from "@/features/artifacts/lib/chart-options";

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

function readTokens(): ChartTokens {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: token("--text"),
    muted: token("--text-muted"),
    grid: token("--grid"),
    accent: token("--accent"),
    surface: token("--surface"),
    border: token("--border-strong"),
  };
}

/** The theme's chart colours, read again when the theme (or the system's) changes. */
export function useChartTokens(): ChartTokens {
  const [tokens, setTokens] = useState(readTokens);
  useEffect(() => {
    const update = () => setTokens(readTokens());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributeFilter: ["data-theme"] });
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    scheme.addEventListener("change", update);
    return () => {
      observer.disconnect();
      scheme.removeEventListener("change", update);
    };
  }, []);
  return tokens;
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
