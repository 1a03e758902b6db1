/** The project chosen in the header's switcher: `?project=NAME` in every page's URL. */

export interface ProjectSearch {
  project?: string;
}

/** The chosen project from the URL's search, if any. */
export function parseProjectSearch(raw: Record<string, unknown>): ProjectSearch {
  const value = raw.project;
  return typeof value === "string" && value.trim() ? { project: value.trim() } : {};
}

/** The project a page shows: the chosen one, else "default". */
export function currentProject(search: ProjectSearch): string {
  return search.project ?? "default";
}
