/** Two artifact versions' facts and metadata, key by key, marking what differs. */
import type { ArtifactVersion } from "@/api/types";
import { formatBytes, formatValue } from "@/lib/format";

export interface DifferenceRow {
  key: string;
  /** The first version's value shown as text; undefined where it has no such key. */
  left: string | undefined;
  right: string | undefined;
  differs: boolean;
  /** right − left, for two numbers. */
  delta: number | undefined;
}

function row(key: string, left: unknown, right: unknown, shown = formatValue): DifferenceRow {
  const leftText = left === undefined ? undefined : shown(left);
  const rightText = right === undefined ? undefined : shown(right);
  const delta =
    typeof left === "number" && typeof right === "number" && left !== right
      ? right - left
      : undefined;
  return {
    key,
    left: leftText,
    right: rightText,
    differs: JSON.stringify(left) !== JSON.stringify(right),
    delta,
  };
}

/** The facts first (type, size, materializer, hash, tags), then every metadata key, sorted. */
export function versionDifferences(left: ArtifactVersion, right: ArtifactVersion): DifferenceRow[] {
  const bytes = (value: unknown) => formatBytes(Number(value));
  // A size's change in bytes reads worse than the two sizes themselves.
  const size = { ...row("size", left.size_bytes, right.size_bytes, bytes), delta: undefined };
  const facts = [
    row("data type", left.data_type, right.data_type),
    size,
    row("materializer", left.materializer, right.materializer),
    row("content hash", left.content_hash.slice(0, 16), right.content_hash.slice(0, 16)),
    row("tags", left.tags.join(", ") || "—", right.tags.join(", ") || "—"),
  ];
  const keys = [...new Set([...Object.keys(left.metadata), ...Object.keys(right.metadata)])].sort();
  const metadata = keys.map((key) =>
    row(`metadata.${key}`, left.metadata[key]?.value, right.metadata[key]?.value),
  );
  return [...facts, ...metadata];
}
