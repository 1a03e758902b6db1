import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useActiveStack } from "@/features/stacks/api/get-active-stack";
import { useStackCreators } from "@/features/stacks/api/list-audit-events";
import { useStacks } from "@/features/stacks/api/list-stacks";
import { StacksTable } from "@/features/stacks/components/stacks-table";
import { mayEditStacks } from "@/features/stacks/lib/permissions";
import { searchStacks } from "@/features/stacks/lib/stack-search";
import { useCurrentUser } from "@/lib/current-user";

interface StacksSearch {
  q?: string;
}

export const Route = createFileRoute("/stacks/")({
  validateSearch: (raw: Record<string, unknown>): StacksSearch =>
    typeof raw.q === "string" && raw.q !== "" ? { q: raw.q } : {},
  component: StacksPage,
});

function StacksPage() {
  const { q = "" } = Route.useSearch();
  const navigate = Route.useNavigate();
  const stacks = useStacks();
  const active = useActiveStack();
  const creators = useStackCreators();
  const me = useCurrentUser();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Stacks</h1>
          <span className="subtitle">
            What runs execute on: an orchestrator, an artifact store and more.
          </span>
        </div>
        <span className="spacer" />
        <input
          className="input"
          type="search"
          aria-label="Search stacks"
          placeholder="Search stacks and components"
          value={q}
          onChange={(e) =>
            void navigate({ search: e.target.value ? { q: e.target.value } : {}, replace: true })
          }
        />
        {mayEditStacks(me.data?.role) ? (
          <Link to="/stacks/new" className="button primary">
            New stack
          </Link>
        ) : null}
      </div>
      <div className="card">
        <QueryView
          query={stacks}
          loadingLabel="Loading stacks…"
          errorTitle="Could not load the stacks"
        >
          {(page) => {
            const found = searchStacks(page.items, q);
            if (found.length === 0) {
              return (
                <EmptyState title={q ? `No stack matches '${q}'` : "No stacks yet"}>
                  {q
                    ? "Try another name or flavor."
                    : "The default stack appears after the first run."}
                </EmptyState>
              );
            }
            return (
              <StacksTable
                stacks={found}
                activeStackId={active.data?.id}
                creators={creators.data}
              />
            );
          }}
        </QueryView>
      </div>
    </div>
  );
}
