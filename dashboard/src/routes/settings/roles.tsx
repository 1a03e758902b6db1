import { createFileRoute } from "@tanstack/react-router";
import { RolesPage } from "@/features/settings/components/roles-page";

interface RolesSearch {
  role?: string;
}

export const Route = createFileRoute("/settings/roles")({
  validateSearch: (raw: Record<string, unknown>): RolesSearch =>
    typeof raw.role === "string" && raw.role ? { role: raw.role } : {},
  component: RolesRoute,
});

function RolesRoute() {
  const { role } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <RolesPage
      editing={role}
      onEdit={(next) => void navigate({ search: (prev) => ({ ...prev, role: next }) })}
    />
  );
}
