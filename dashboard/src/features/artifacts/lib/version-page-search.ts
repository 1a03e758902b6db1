/** An artifact version page's view state in the URL: the version it is compared with. */

export interface VersionPageSearch {
  /** The id of another version of the same artifact, shown side by side with this one. */
  compare?: string;
  /** Only the facts and metadata that differ between the two. */
  diff?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keep only what is valid, so a hand-edited URL never breaks the page. */
export function parseVersionPageSearch(raw: Record<string, unknown>): VersionPageSearch {
  const search: VersionPageSearch = {
    compare:
      typeof raw.compare === "string" && UUID.test(raw.compare)
        ? raw.compare.toLowerCase()
        : undefined,
    diff: raw.diff === true && raw.compare !== undefined ? true : undefined,
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined),
  ) as VersionPageSearch;
}
