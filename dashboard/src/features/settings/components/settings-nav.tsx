import { Link } from "@tanstack/react-router";
import { maySee, SECTIONS } from "@/features/settings/lib/settings-sections";
import type { ServerRole } from "@/features/settings/lib/types";

export interface SettingsNavProps {
  role: ServerRole;
}

/** The settings pages a role may see, as a side navigation. */
export function SettingsNav({ role }: SettingsNavProps) {
  return (
    <nav className="settings-nav" aria-label="Settings">
      {SECTIONS.filter((s) => maySee(role, s.id)).map((section) => (
        <Link
          key={section.id}
          to={`/settings/${section.id}`}
          search={true}
          activeProps={{ "aria-current": "page", className: "active" }}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
