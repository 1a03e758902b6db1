import { QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { queryClient } from "@/lib/query-client";
import { setUnauthorizedHandler } from "@/lib/session";
import { applySavedTheme } from "@/lib/theme";
import { routeTree } from "@/route-tree.gen";
import "@/styles/app.css";
import "@/styles/session.css";
import "@/styles/comparison.css";
import "@/styles/side-by-side.css";
import "@/styles/settings.css";

applySavedTheme();

const router = createRouter({ routeTree, defaultPreload: "intent", scrollRestoration: true });

// Any 401 opens the login page, which brings the user back here once logged in.
setUnauthorizedHandler(() => {
  const { pathname, href } = router.state.location;
  if (pathname !== "/login") void router.navigate({ to: "/login", search: { next: href } });
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
