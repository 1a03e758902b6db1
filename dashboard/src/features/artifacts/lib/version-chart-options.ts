/** ECharts options for one metadata key across an artifact's versions. */
import type { EChartsOption } from "echarts";
import type { ChartTokens } from "@/features/artifacts/lib/chart-options";
import type { VersionPoint } from "@/features/artifacts/lib/version-series";

/** A line over version numbers; a version without the key leaves a gap. */
export function versionChartOption(
  key: string,
  points: readonly VersionPoint[],
  tokens: ChartTokens,
): EChartsOption {
  const axis = {
    axisLine: { lineStyle: { color: tokens.border } },
    axisLabel: { color: tokens.muted },
    splitLine: { lineStyle: { color: tokens.grid } },
    nameTextStyle: { color: tokens.muted },
  };
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 24, bottom: points.length > 30 ? 64 : 40 },
    tooltip: {
      trigger: "axis",
      backgroundColor: tokens.surface,
      borderColor: tokens.border,
      textStyle: { color: tokens.text },
    },
    xAxis: {
      type: "category",
      name: "version",
      nameLocation: "middle",
      nameGap: 26,
      data: points.map((point) => `v${point.version}`),
      ...axis,
    },
    yAxis: { type: "value", name: key, scale: true, ...axis },
    dataZoom:
      points.length > 30 ? [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }] : [],
    series: [
      {
        type: "line",
        name: key,
        connectNulls: false,
        showSymbol: points.length <= 60,
        lineStyle: { color: tokens.accent, width: 1.5 },
        itemStyle: { color: tokens.accent },
        data: points.map((point) => point.value),
      },
    ],
  };
}
