import {
  createRootRoute,
  Link,
  Outlet,
  retainSearchParams,
  useRouterState,
} from "@tanstack/react-router";
import { AppShell } from "@/components/layout/app-shell";
import { EmptyState } from "@/components/ui/states";
import { UserMenu } from "@/features/session/components/user-menu";
import { ProjectSwitcher } from "@/features/settings/components/project-switcher";
import { parseProjectSearch } from "@/features/settings/lib/project-search";

export const Route = createRootRoute({
  // The header's project choice is in every page's URL and kept by every link, so the
  // lists it filters (lib/project-scope.ts) stay filtered from page to page.
  validateSearch: parseProjectSearch,
  search: { middlewares: [retainSearchParams(["project"])] },
  component: RootLayout,
  notFoundComponent: () => (
    <EmptyState title="This page does not exist">
      <Link to="/runs">Go to the runs</Link>
    </EmptyState>
  ),
});

// Pages for people not logged in: alone, so nothing behind them asks who is calling.
const PUBLIC_PAGES = new Set(["/login", "/activate"]);

/** Every page in the app shell, but the login and activation pages alone. */
function RootLayout() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (PUBLIC_PAGES.has(pathname)) return <Outlet />;
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
