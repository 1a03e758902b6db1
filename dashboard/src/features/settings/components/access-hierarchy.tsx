import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useAccessHierarchy } from "@/features/settings/api/get-access-hierarchy";

export interface AccessHierarchyProps {
  project?: string;
}

/** The server → projects → users and teams, with the role on each edge. */
export function AccessHierarchy({ project }: AccessHierarchyProps) {
  const hierarchy = useAccessHierarchy();
  return (
    <section className="card card-body section" aria-label="Permission hierarchy">
      <h2>Permission hierarchy</h2>
      <QueryView query={hierarchy}>
        {(projects) => {
          const shown = projects.filter((p) => !project || p.project_name === project);
          if (shown.length === 0) return <EmptyState title="No projects you can see members of" />;
          return (
            <ul className="hierarchy">
              <li>
                <strong>Server</strong>
                <ul>
                  {shown.map((p) => (
                    <li key={p.project_id}>
                      <span className="shape square" aria-hidden="true" /> {p.project_name}
                      <ul>
                        {p.members.length === 0 ? (
                          <li className="muted">No roles granted (server roles apply)</li>
                        ) : null}
                        {p.members.map((m) => (
                          <li key={`${m.kind}:${m.principal_name}`}>
                            {m.kind === "team" ? "Team" : "User"} {m.principal_name}{" "}
                            <span className="tag">{m.role}</span>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </li>
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}
