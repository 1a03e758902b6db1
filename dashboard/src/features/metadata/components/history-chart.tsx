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
import { useEffect, useRef, useState } from "react";
import type { MetadataSeries } from "@/features/metadata/lib/explorer-search";
import {
  type ChartDatum,
  type ChartTokens,
  historyOption,
} from "@/features/metadata/lib/series-chart";

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

function readTokens(): ChartTokens {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: token("--text"),
    muted: token("--text-muted"),
    grid: token("--grid"),
    surface: token("--surface"),
    border: token("--border-strong"),
  };
}

/** The theme's chart colours, read again when the theme (or the system's) changes. */
function useChartTokens(): ChartTokens {
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
