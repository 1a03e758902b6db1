import { createFileRoute, Outlet } from "@tanstack/react-router";
import { SettingsLayout } from "@/features/settings/components/settings-layout";
import { parseProjectSearch } from "@/features/settings/lib/project-search";

export const Route = createFileRoute("/settings")({
  validateSearch: parseProjectSearch,
  component: () => (
    <SettingsLayout>
      <Outlet />
    </SettingsLayout>
  ),
});
