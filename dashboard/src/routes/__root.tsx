import { createRootRoute, Link, Outlet, useRouterState } from "@tanstack/react-router";
import { AppShell } from "@/components/layout/app-shell";
import { EmptyState } from "@/components/ui/states";
import { UserMenu } from "@/features/session/components/user-menu";
import { ProjectSwitcher } from "@/features/settings/components/project-switcher";

export const Route = createRootRoute({
  component: RootLayout,
  notFoundComponent: () => (
    <EmptyState title="This page does not exist">
      <Link to="/runs">Go to the runs</Link>
    </EmptyState>
  ),
});

/** Every page in the app shell, but the login page alone (nothing behind it loads). */
function RootLayout() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (pathname === "/login") return <Outlet />;
  return (
    <AppShell
      account={
        <>
          <ProjectSwitcher />
          <UserMenu />
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
