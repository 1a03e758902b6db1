import { createFileRoute } from "@tanstack/react-router";
import { AuditPage } from "@/features/settings/components/audit-page";
import { parseAuditFilters } from "@/features/settings/lib/audit-filters";

export const Route = createFileRoute("/settings/audit")({
  validateSearch: parseAuditFilters,
  component: AuditRoute,
});

function AuditRoute() {
  const filters = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <AuditPage filters={filters} onFiltersChange={(next) => void navigate({ search: next })} />
  );
}
