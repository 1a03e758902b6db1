import { createFileRoute } from "@tanstack/react-router";
import { CreateProjectForm } from "@/features/settings/components/create-project-form";
import { MembersPage } from "@/features/settings/components/members-page";
import { currentProject } from "@/features/settings/lib/project-search";

export const Route = createFileRoute("/settings/members")({ component: MembersRoute });

function MembersRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <div className="section">
      <MembersPage project={currentProject(search)} />
      <CreateProjectForm
        onCreated={(project) => void navigate({ search: (prev) => ({ ...prev, project }) })}
      />
    </div>
  );
}
