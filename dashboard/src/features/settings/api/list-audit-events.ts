import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { AuditFilters } from "@/features/settings/lib/audit-filters";
import { auditQuery } from "@/features/settings/lib/audit-filters";
import { api, unwrap } from "@/lib/api-client";

/** One page of the audit trail, filtered on the server. */
export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: settingsKeys.audit(filters),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/audit-events", { params: { query: auditQuery(filters) }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Every event matching the filters, page by page (for an export), up to `limit`. */
export async function fetchAllAuditEvents(filters: AuditFilters, limit = 50_000) {
  const events = [];
  for (let page = 1; events.length < limit; page += 1) {
    const query = { ...auditQuery({ ...filters, page }), size: 1000 };
    const found = await unwrap(api.GET("/api/v1/audit-events", { params: { query } }));
    events.push(...found.items);
    if (found.items.length < 1000) break;
  }
  return events;
}
