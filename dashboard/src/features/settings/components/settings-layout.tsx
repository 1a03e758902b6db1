import type { ReactNode } from "react";
import { LoadingState } from "@/components/ui/states";
import { SettingsNav } from "@/features/settings/components/settings-nav";
import { useCurrentUser } from "@/lib/current-user";

export interface SettingsLayoutProps {
  children: ReactNode;
}

/** The settings area: its navigation beside the chosen page. */
export function SettingsLayout({ children }: SettingsLayoutProps) {
  const me = useCurrentUser();
  if (!me.data) return <LoadingState />;
  return (
    <div className="page settings-page">
      <div className="page-header">
        <div className="titles">
          <h1>Settings</h1>
          <span className="subtitle">
            Members, teams, roles, keys and the audit trail of this server.
          </span>
        </div>
      </div>
      <div className="settings-body">
        <SettingsNav role={me.data.role} />
        <div className="settings-content">{children}</div>
      </div>
    </div>
  );
}
