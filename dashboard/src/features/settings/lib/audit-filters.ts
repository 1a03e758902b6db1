/** The audit page's filters: what the URL holds and what the server is asked. */

export interface AuditFilters {
  user?: string;
  action?: string;
  resource?: string;
  /** A project's name: the header's choice. */
  project?: string;
  since?: string;
  until?: string;
  page?: number;
}

const TEXT_KEYS = ["user", "action", "resource", "project", "since", "until"] as const;

/** The filters found in the URL's search (anything else is dropped). */
export function parseAuditFilters(raw: Record<string, unknown>): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of TEXT_KEYS) {
    const value = raw[key];
    if (typeof value === "string" && value.trim()) filters[key] = value.trim();
  }
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) filters.page = page;
  return filters;
}

/** The query parameters of `GET /audit-events` for these filters. The URL names the
 * project (as the header's switcher does); the server is asked by its id. */
export function auditQuery(filters: AuditFilters, projectId?: string) {
  const created = [
    ...(filters.since ? [`gte:${filters.since}`] : []),
    ...(filters.until ? [`lte:${filters.until}`] : []),
  ];
  return {
    user: filters.user,
    action: filters.action,
    resource: filters.resource,
    project_id: projectId,
    created: created.length ? created : undefined,
    page: filters.page ?? 1,
    size: 50,
    sort_by: "desc:created",
  };
}
