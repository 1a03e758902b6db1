import { createFileRoute } from "@tanstack/react-router";
import { ActivationForm } from "@/features/session/components/activation-form";

interface ActivateSearch {
  token?: string;
}

export const Route = createFileRoute("/activate")({
  validateSearch: (raw: Record<string, unknown>): ActivateSearch =>
    typeof raw.token === "string" ? { token: raw.token } : {},
  component: ActivatePage,
});

function ActivatePage() {
  const { token } = Route.useSearch();
  return (
    <div className="login-page">
      <div className="card login-card">
        <div className="brand login-brand">
          <svg width="24" height="24" viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="6" cy="10" r="4" fill="var(--status-completed)" />
            <rect x="12" y="6" width="7" height="7" rx="1" fill="var(--status-cached)" />
          </svg>
          Headwater
        </div>
        <h1>Set your password</h1>
        <ActivationForm token={token ?? ""} />
      </div>
    </div>
  );
}
