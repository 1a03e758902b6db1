/** Every query key of the metadata explorer in one place. */
import type { MetadataResource } from "@/features/metadata/lib/explorer-search";

export interface SeriesWindow {
  maxPoints: number;
  /** Only the newest entities. */
  last?: number;
}

export const metadataKeys = {
  all: ["metadata"] as const,
  catalog: (resource: MetadataResource) => [...metadataKeys.all, "catalog", resource] as const,
  series: (resource: MetadataResource, key: string, window: SeriesWindow) =>
    [...metadataKeys.all, "series", resource, key, window] as const,
};
