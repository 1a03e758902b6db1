/** Side-by-side metadata of compared versions, with numeric deltas against a baseline. */
import type { ModelVersion } from "@/features/models/lib/model-types";

export interface MetadataCell {
  value: unknown;
  /** `value - baseline` when both are numbers and this is not the baseline. */
  delta: number | null;
}

export interface MetadataRow {
  key: string;
  cells: MetadataCell[];
}

/** A finite number that is not a boolean: the values a delta makes sense for. */
export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** One row per metadata key any version has, sorted by key; cells in `versions` order. */
export function compareMetadata(versions: ModelVersion[], baselineIndex: number): MetadataRow[] {
  const keys = new Set(versions.flatMap((version) => Object.keys(version.metadata)));
  const baseline = versions[baselineIndex];
  return [...keys].sort().map((key) => {
    const base = baseline?.metadata[key]?.value;
    const cells = versions.map((version, index) => {
      const value = version.metadata[key]?.value;
      const hasDelta = index !== baselineIndex && isNumber(value) && isNumber(base);
      return { value, delta: hasDelta ? value - base : null };
    });
    return { key, cells };
  });
}

/** "+0.031", "−0.02", "±0": a signed delta, to six significant digits. */
export function formatDelta(delta: number): string {
  if (delta === 0) return "±0";
  const size = Number(Math.abs(delta).toPrecision(6));
  return `${delta > 0 ? "+" : "−"}${size}`;
}
