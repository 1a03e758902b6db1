import { createFileRoute } from "@tanstack/react-router";
import { UsersPage } from "@/features/settings/components/users-page";

interface UsersSearch {
  user?: string;
}

export const Route = createFileRoute("/settings/users")({
  validateSearch: (raw: Record<string, unknown>): UsersSearch =>
    typeof raw.user === "string" && raw.user ? { user: raw.user } : {},
  component: UsersRoute,
});

function UsersRoute() {
  const { user } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <UsersPage
      selected={user}
      onSelect={(next) => void navigate({ search: (prev) => ({ ...prev, user: next }) })}
    />
  );
}
