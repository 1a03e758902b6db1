/** The metadata explorer's view state: read from the URL, and the catalog it narrows. */
import type { components } from "@/api/schema.gen";

type Schemas = components["schemas"];
export type MetadataResource = Schemas["MetadataTarget"];
export type MetadataType = Schemas["MetadataType"];
export type MetadataKey = Schemas["MetadataKey"];
export type MetadataSeries = Schemas["MetadataSeries"];
export type MetadataPoint = Schemas["MetadataPoint"];

export const RESOURCES: readonly { id: MetadataResource; label: string }[] = [
  { id: "run", label: "Runs" },
  { id: "step_run", label: "Steps" },
  { id: "artifact_version", label: "Artifacts" },
  { id: "model_version", label: "Models" },
];

export const METADATA_TYPES: readonly MetadataType[] = [
  "int",
  "float",
  "bool",
  "str",
  "datetime",
  "dict",
  "list",
  "uri",
  "path",
  "storage_size",
];

export interface ExplorerSearch {
  resource?: MetadataResource;
  /** Text the key contains, any case. */
  q?: string;
  type?: MetadataType;
  /** The key whose history is open. */
  key?: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Keep only what is valid, so a hand-edited URL never breaks the page. */
export function parseExplorerSearch(raw: Record<string, unknown>): ExplorerSearch {
  const search: ExplorerSearch = {
    resource: RESOURCES.find((option) => option.id === raw.resource)?.id,
    q: text(raw.q),
    type: METADATA_TYPES.find((type) => type === raw.type),
    key: typeof raw.key === "string" && raw.key !== "" ? raw.key : undefined,
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined),
  ) as ExplorerSearch;
}

/** The keys the search and type filter let through, most used first, then by name. */
export function filterKeys(keys: readonly MetadataKey[], search: ExplorerSearch): MetadataKey[] {
  const needle = search.q?.toLowerCase();
  return keys
    .filter((key) => !needle || key.key.toLowerCase().includes(needle))
    .filter((key) => !search.type || key.types.includes(search.type))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** True when a key holds numbers the history chart can draw. */
export function isNumericKey(key: MetadataKey): boolean {
  return key.types.some((type) => ["int", "float", "bool", "storage_size"].includes(type));
}
