import { createFileRoute } from "@tanstack/react-router";
import { ServiceAccountsPage } from "@/features/settings/components/service-accounts-page";

interface AccountSearch {
  account?: string;
}

export const Route = createFileRoute("/settings/service-accounts")({
  validateSearch: (raw: Record<string, unknown>): AccountSearch =>
    typeof raw.account === "string" && raw.account ? { account: raw.account } : {},
  component: ServiceAccountsRoute,
});

function ServiceAccountsRoute() {
  const { account } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <ServiceAccountsPage
      selected={account}
      onSelect={(next) => void navigate({ search: (prev) => ({ ...prev, account: next }) })}
    />
  );
}
