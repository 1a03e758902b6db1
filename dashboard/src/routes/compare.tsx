import { createFileRoute, Link } from "@tanstack/react-router";
import { useCallback } from "react";
import { SideBySideVisualizations } from "@/features/artifacts/components/side-by-side-visualizations";
import { ComparisonPage } from "@/features/comparison/components/comparison-page";
import type { OutputColumn } from "@/features/comparison/components/visualizations-view";
import { type CompareSearch, parseCompareSearch } from "@/features/comparison/lib/compare-search";

export const Route = createFileRoute("/compare")({
  validateSearch: (raw: Record<string, unknown>): CompareSearch => parseCompareSearch(raw),
  component: ComparePage,
});

// The route joins the two features: the comparison picks the versions, the artifacts draw them.
function RunVisualizations({ columns }: { columns: OutputColumn[] }) {
  return (
    <SideBySideVisualizations
      columns={columns.map(({ run, isBaseline, artifactVersion }) => ({
        label: run.name,
        title: (
          <Link to="/runs/$runId" params={{ runId: run.id }} title={run.name}>
            {run.name}
          </Link>
        ),
        mark: isBaseline ? "baseline" : undefined,
        version: artifactVersion,
        missing: "No such output in this run",
      }))}
    />
  );
}

function ComparePage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const update = useCallback(
    (patch: Partial<CompareSearch>) =>
      void navigate({ search: (prev) => parseCompareSearch({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return (
    <ComparisonPage search={search} onSearchChange={update} Visualizations={RunVisualizations} />
  );
}
