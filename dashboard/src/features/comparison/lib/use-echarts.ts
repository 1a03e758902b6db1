/** An ECharts instance on a div for the life of a component, resized with it. */
import { ParallelChart, ScatterChart } from "echarts/charts";
import { GridComponent, ParallelComponent, TooltipComponent } from "echarts/components";
import { type ECharts, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type RefObject, useEffect, useRef, useState } from "react";

// Loaded only with a chart view (this module is imported lazily): the table never downloads ECharts.
use([
  ParallelChart,
  ScatterChart,
  ParallelComponent,
  GridComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export function useECharts(): { ref: RefObject<HTMLDivElement | null>; chart: ECharts | null } {
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas" });
    setChart(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, []);
  return { ref, chart };
}
