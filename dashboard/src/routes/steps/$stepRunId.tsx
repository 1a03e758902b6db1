import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { StepPanel } from "@/features/steps/components/step-panel";
import { parseRunPageSearch, type RunPageSearch } from "@/lib/run-page-search";

type StepPageSearch = Pick<RunPageSearch, "tab" | "grep" | "stream">;

export const Route = createFileRoute("/steps/$stepRunId")({
  validateSearch: (raw: Record<string, unknown>): StepPageSearch => {
    const { tab, grep, stream } = parseRunPageSearch(raw);
    return Object.fromEntries(
      Object.entries({ tab, grep, stream }).filter(([, v]) => v !== undefined),
    );
  },
  component: StepPage,
});

function StepPage() {
  const { stepRunId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const go = useNavigate();
  const update = (patch: Partial<StepPageSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  return (
    <div className="page step-page">
      <StepPanel
        stepRunId={stepRunId}
        tab={search.tab ?? "overview"}
        onTabChange={(tab) => update({ tab })}
        logFilter={{ grep: search.grep, stream: search.stream }}
        onLogFilterChange={(filter) => update({ grep: filter.grep, stream: filter.stream })}
        onSelectArtifact={(id) =>
          void go({ to: "/artifacts/$artifactVersionId", params: { artifactVersionId: id } })
        }
        onSelectAttempt={(id) =>
          void go({
            to: "/steps/$stepRunId",
            params: { stepRunId: id },
            search: { tab: search.tab },
          })
        }
      />
    </div>
  );
}
