/** An artifact page's view state in the URL: versions page, selected version, chart key. */

export interface ArtifactPageSearch {
  page?: number;
  /** The id of the version whose lineage is shown; the latest when absent. */
  version?: string;
  /** The metadata key charted across versions. */
  key?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keep only what is valid, so a hand-edited URL never breaks the page. */
export function parseArtifactPageSearch(raw: Record<string, unknown>): ArtifactPageSearch {
  const page = Number(raw.page);
  const search: ArtifactPageSearch = {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    version: typeof raw.version === "string" && UUID.test(raw.version) ? raw.version : undefined,
    key: typeof raw.key === "string" && raw.key !== "" ? raw.key : undefined,
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined),
  ) as ArtifactPageSearch;
}
