import { createFileRoute } from "@tanstack/react-router";
import { MembersPage } from "@/features/settings/components/members-page";
import { currentProject } from "@/features/settings/lib/project-search";

export const Route = createFileRoute("/settings/members")({ component: MembersRoute });

function MembersRoute() {
  const search = Route.useSearch();
  return <MembersPage project={currentProject(search)} />;
}
