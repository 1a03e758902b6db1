import { createFileRoute, Link } from "@tanstack/react-router";
import { LoginForm } from "@/features/session/components/login-form";
import { useCurrentUser } from "@/lib/current-user";

interface LoginSearch {
  next?: string;
}

export const Route = createFileRoute("/login")({
  validateSearch: (raw: Record<string, unknown>): LoginSearch =>
    typeof raw.next === "string" ? { next: raw.next } : {},
  component: LoginPage,
});

function LoginPage() {
  const { next } = Route.useSearch();
  const me = useCurrentUser();
  const isLocal = me.data?.auth_mode === "local";
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
        <h1>Log in</h1>
        {isLocal ? (
          <p className="muted">
            This server does not require a login. <Link to="/runs">Go to the runs</Link>
          </p>
        ) : (
          <>
            <p className="muted">This server keeps a team's runs. Log in with your account.</p>
            <LoginForm next={next} />
          </>
        )}
      </div>
    </div>
  );
}
