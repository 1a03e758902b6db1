import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouterState } from "@tanstack/react-router";
import { useProjects } from "@/features/settings/api/list-projects";
import { parseProjectSearch } from "@/features/settings/lib/project-search";

/** The header's project choice: kept in the URL (`?project=`), so links carry it. The
 * lists of runs, pipelines and models follow it (`lib/project-scope.ts`). */
export function ProjectSwitcher() {
  const projects = useProjects();
  const queryClient = useQueryClient();
  const search = useRouterState({ select: (s) => s.location.search as Record<string, unknown> });
  const navigate = useNavigate();
  const chosen = parseProjectSearch(search).project ?? "";
  if (!projects.data) return null;
  return (
    <label className="project-switcher">
      <span className="visually-hidden">Project</span>
      <select
        className="select"
        aria-label="Project"
        value={chosen}
        onChange={async (event) => {
          await navigate({
            to: ".",
            search: (prev: Record<string, unknown>) => ({
              ...prev,
              project: event.target.value || undefined,
            }),
          });
          // Lists asked before the switch hold another project's entries: ask again.
          await queryClient.invalidateQueries();
        }}
      >
        <option value="">All projects</option>
        {projects.data.items.map((p) => (
          <option key={p.id} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
