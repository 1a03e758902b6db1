/** A numeric metadata key across an artifact's versions: which keys, and their points. */
import type { ArtifactVersion, MetadataEntry } from "@/api/types";

const NUMERIC_TYPES: ReadonlySet<MetadataEntry["type"]> = new Set(["int", "float", "storage_size"]);

/** One version's value of a key (null where the version lacks it). */
export interface VersionPoint {
  version: number;
  value: number | null;
  artifactVersionId: string;
}

function numericValue(entry: MetadataEntry | undefined): number | null {
  if (!entry || !NUMERIC_TYPES.has(entry.type)) return null;
  return typeof entry.value === "number" && Number.isFinite(entry.value) ? entry.value : null;
}

/** Every key some version carries a number for, the most common first, then by name. */
export function numericKeys(versions: readonly ArtifactVersion[]): string[] {
  const counts = new Map<string, number>();
  for (const version of versions) {
    for (const [key, entry] of Object.entries(version.metadata)) {
      if (numericValue(entry) !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([key]) => key);
}

/** The key's value per version, oldest version first; a missing value stays a gap. */
export function versionSeries(versions: readonly ArtifactVersion[], key: string): VersionPoint[] {
  return [...versions]
    .sort((a, b) => a.version - b.version)
    .map((version) => ({
      version: version.version,
      value: numericValue(version.metadata[key]),
      artifactVersionId: version.id,
    }));
}

/** The key to chart: the one asked for when versions carry it, else the most common. */
export function chartKey(keys: readonly string[], wanted: string | undefined): string | null {
  if (wanted && keys.includes(wanted)) return wanted;
  return keys[0] ?? null;
}
