import { LineChart } from "echarts/charts";
import { DataZoomComponent, GridComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { versionChartOption } from "@/features/artifacts/lib/version-chart-options";
import type { VersionPoint } from "@/features/artifacts/lib/version-series";
import { useChartTokens } from "@/lib/use-chart-tokens";

// Imported lazily, like the array chart: the catalog never downloads ECharts.
use([LineChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export interface VersionLineChartProps {
  metadataKey: string;
  points: VersionPoint[];
}

/** A metadata key's value per version, drawn by ECharts on a canvas. */
export function VersionLineChart({ metadataKey, points }: VersionLineChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const tokens = useChartTokens();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas" });
    instance.setOption(versionChartOption(metadataKey, points, tokens));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [metadataKey, points, tokens]);
  return (
    <div
      ref={ref}
      className="array-chart"
      style={{ height: 280 }}
      role="img"
      aria-label={`${metadataKey} across versions`}
    />
  );
}
