/**
 * The header's project choice (`?project=NAME` in the page's URL) applied to the lists it
 * filters: a GET of runs, pipelines or models without a `project_id` of its own is asked
 * for the chosen project's only. Kept here, in the one API client, so every list of
 * those entities follows the switcher without each feature reading it.
 */

/** The list endpoints the project switcher filters. */
export const PROJECT_SCOPED_LISTS: ReadonlySet<string> = new Set([
  "/api/v1/runs",
  "/api/v1/pipelines",
  "/api/v1/models",
]);

// Matches no project: a chosen project that the caller cannot see (or that does not
// exist) shows an empty list, never every project's entries.
export const NO_PROJECT_ID = "00000000-0000-0000-0000-000000000000";

/** The project named in a page's search (`?project=NAME`), if any. */
export function chosenProject(search: string): string | null {
  const name = new URLSearchParams(search).get("project")?.trim();
  return name ? name : null;
}

/** Whether a request is a list the chosen project filters (and does not filter itself). */
export function isScopedList(url: URL, method: string): boolean {
  return (
    method === "GET" &&
    PROJECT_SCOPED_LISTS.has(url.pathname) &&
    !url.searchParams.has("project_id")
  );
}

export type ProjectLookup = (name: string) => Promise<string | null>;

/** The request, asked for one project's entries when a project is chosen. */
export async function scopedRequest(
  request: Request,
  search: string,
  lookup: ProjectLookup,
): Promise<Request> {
  const url = new URL(request.url);
  const project = chosenProject(search);
  if (project === null || !isScopedList(url, request.method)) return request;
  url.searchParams.set("project_id", (await lookup(project)) ?? NO_PROJECT_ID);
  return new Request(url, request);
}

/** A lookup of project ids by name that asks the server once per name. */
export function cachedProjectLookup(
  fetchId: (name: string) => Promise<string | null>,
): ProjectLookup {
  const known = new Map<string, Promise<string | null>>();
  return (name) => {
    let found = known.get(name);
    if (found === undefined) {
      found = fetchId(name).catch(() => {
        known.delete(name); // a failed lookup is asked again next time
        return null;
      });
      known.set(name, found);
    }
    return found;
  };
}
