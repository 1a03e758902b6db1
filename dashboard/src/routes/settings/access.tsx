import { createFileRoute } from "@tanstack/react-router";
import { AccessPage } from "@/features/settings/components/access-page";

export const Route = createFileRoute("/settings/access")({ component: AccessRoute });

function AccessRoute() {
  const { project } = Route.useSearch();
  return <AccessPage project={project} />;
}
