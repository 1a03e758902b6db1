import { useNavigate } from "@tanstack/react-router";
import { LineChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from "echarts/components";
import { init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { MetadataSeries } from "@/features/metadata/lib/explorer-search";
import { type ChartDatum, historyOption } from "@/features/metadata/lib/series-chart";
import { useChartTokens } from "@/lib/use-chart-tokens";

// Loaded only when a key is opened (this module is imported lazily).
use([
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export interface HistoryChartProps {
  series: MetadataSeries;
  label: string;
}

/** A key's history: a line per pipeline; clicking a run's point opens the run. */
export function HistoryChart({ series, label }: HistoryChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const tokens = useChartTokens();
  const navigate = useNavigate();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas" });
    instance.setOption(historyOption(series, tokens));
    instance.on("click", (params) => {
      const runId = Array.isArray(params.value) ? (params.value as ChartDatum)[2] : "";
      if (runId) void navigate({ to: "/runs/$runId", params: { runId } });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [series, tokens, navigate]);
  return <div ref={ref} className="array-chart" role="img" aria-label={label} />;
}
