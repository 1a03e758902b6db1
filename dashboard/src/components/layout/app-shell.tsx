import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { useLiveEvents } from "@/lib/live-events";
import type { LiveState } from "@/lib/live-status";

const LIVE_LABELS: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live",
  offline: "Refreshing every few seconds",
};

export interface AppShellProps {
  children: ReactNode;
  /** The logged-in user's menu, if the server requires a login. */
  account?: ReactNode;
}

/** The top bar (brand, sections, live status, account, theme) around every page. */
export function AppShell({ children, account }: AppShellProps) {
  const live = useLiveEvents();
  return (
    <div className="app">
      <header className="topbar">
        <Link to="/runs" className="brand" aria-label="Headwater home">
          <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="6" cy="10" r="4" fill="var(--status-completed)" />
            <rect x="12" y="6" width="7" height="7" rx="1" fill="var(--status-cached)" />
          </svg>
          Headwater
        </Link>
        <nav className="nav" aria-label="Sections">
          <Link to="/runs">Runs</Link>
          <Link to="/pipelines">Pipelines</Link>
          <Link to="/models">Models</Link>
          <Link to="/compare">Compare</Link>
          <Link to="/artifacts">Artifacts</Link>
          <Link to="/metadata">Metadata</Link>
          <Link to="/stacks">Stacks</Link>
          <Link to="/components">Components</Link>
          <Link to="/connectors">Connectors</Link>
          <Link to="/settings">Settings</Link>
        </nav>
        <span className="spacer" />
        <span
          className={`live-indicator ${live}`}
          role="status"
          title={
            live === "live"
              ? "Updates arrive as they happen"
              : "The server's event stream is not available, so views poll"
          }
        >
          <span className="dot" aria-hidden="true" />
          {LIVE_LABELS[live]}
        </span>
        {account}
        <ThemeToggle />
      </header>
      <main className="main">{children}</main>
    </div>
  );
}
