import { createRootRoute, Link, Outlet } from "@tanstack/react-router";
import { AppShell } from "@/components/layout/app-shell";
import { EmptyState } from "@/components/ui/states";

export const Route = createRootRoute({
  component: () => (
    <AppShell>
      <Outlet />
    </AppShell>
  ),
  notFoundComponent: () => (
    <EmptyState title="This page does not exist">
      <Link to="/runs">Go to the runs</Link>
    </EmptyState>
  ),
});
