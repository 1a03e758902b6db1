import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import type { AuditFilters } from "@/features/settings/lib/audit-filters";
import { auditQuery } from "@/features/settings/lib/audit-filters";
import { api, unwrap } from "@/lib/api-client";

/** One page of the audit trail, filtered on the server. */
export function useAuditEvents(filters: AuditFilters, projectId: string | undefined) {
  return useQuery({
    queryKey: settingsKeys.audit({ ...filters, projectId }),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/audit-events", {
          params: { query: auditQuery(filters, projectId) },
          signal,
        }),
      ),
    // A named project not (yet) resolved to an id would ask for every project's events.
    enabled: !filters.project || projectId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every event matching the filters, page by page (for an export), up to `limit`. */
export async function fetchAllAuditEvents(
  filters: AuditFilters,
  projectId: string | undefined,
  limit = 50_000,
) {
  const events = [];
  for (let page = 1; events.length < limit; page += 1) {
    const query = { ...auditQuery({ ...filters, page }, projectId), size: 1000 };
    const found = await unwrap(api.GET("/api/v1/audit-events", { params: { query } }));
    events.push(...found.items);
    if (found.items.length < 1000) break;
  }
  return events;
}
