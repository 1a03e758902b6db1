/** Colours of runs by a numeric row: viridis from its lowest to its highest value. */
import { axisPosition, type ChartAxis } from "@/features/comparison/lib/chart-axes";

// Viridis, as the artifact heatmaps: perceptually even and colour-blind safe.
export const VIRIDIS = [
  "#440154",
  "#472c7a",
  "#3b518b",
  "#2c718e",
  "#21908d",
  "#27ad81",
  "#5cc863",
  "#aadc32",
  "#fde725",
];

function mix(from: string, to: string, share: number): string {
  const channel = (hex: string, at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  const parts = [1, 3, 5].map((at) =>
    Math.round(channel(from, at) + (channel(to, at) - channel(from, at)) * share),
  );
  return `#${parts.map((part) => part.toString(16).padStart(2, "0")).join("")}`;
}

/** The colour of a share between 0 and 1 along viridis. */
export function viridis(share: number): string {
  const clamped = Math.min(1, Math.max(0, share));
  const scaled = clamped * (VIRIDIS.length - 1);
  const low = Math.floor(scaled);
  const from = VIRIDIS[low] ?? "#440154";
  const to = VIRIDIS[Math.min(low + 1, VIRIDIS.length - 1)] ?? from;
  return mix(from, to, scaled - low);
}

export interface ColorScale {
  min: number;
  max: number;
  colorOf: (run: number) => string;
}

/** Each run's colour by `axis` (its value's place between min and max), `fallback` without. */
export function colorScale(
  axis: ChartAxis | undefined,
  runCount: number,
  fallback: string,
): ColorScale {
  const positions = Array.from({ length: runCount }, (_, run) =>
    axis ? axisPosition(axis, run) : null,
  );
  const present = positions.filter((p): p is number => p !== null && p >= 0);
  const min = present.length > 0 ? Math.min(...present) : 0;
  const max = present.length > 0 ? Math.max(...present) : 0;
  const colorOf = (run: number) => {
    const position = positions[run];
    if (position === null || position === undefined || position < 0) return fallback;
    return viridis(max === min ? 0.5 : (position - min) / (max - min));
  };
  return { min, max, colorOf };
}
