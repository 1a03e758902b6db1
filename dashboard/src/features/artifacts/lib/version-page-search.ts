/** An artifact version page's view state in the URL: the version it is compared with. */

export interface VersionPageSearch {
  /** The id of another version of the same artifact, shown side by side with this one. */
  compare?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keep only a well-formed id, so a hand-edited URL never breaks the page. */
export function parseVersionPageSearch(raw: Record<string, unknown>): VersionPageSearch {
  return typeof raw.compare === "string" && UUID.test(raw.compare)
    ? { compare: raw.compare.toLowerCase() }
    : {};
}
