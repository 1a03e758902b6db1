import { createFileRoute, Link } from "@tanstack/react-router";
import { lazy, Suspense, useCallback } from "react";
import { LoadingState } from "@/components/ui/states";
import { prefetchComparison } from "@/features/comparison/api/compare-runs";
import { ComparisonPage } from "@/features/comparison/components/comparison-page";
import type { OutputColumn } from "@/features/comparison/components/visualizations-view";
import {
  type CompareSearch,
  parseCompareSearch,
  runIdsOf,
} from "@/features/comparison/lib/compare-search";
import { queryClient } from "@/lib/query-client";

// Only the visualizations view draws artifacts: the table's first paint does not wait for
// the renderers' code (markdown, charts) to load and start.
const SideBySideVisualizations = lazy(() =>
  import("@/features/artifacts/components/side-by-side-visualizations").then((module) => ({
    default: module.SideBySideVisualizations,
  })),
);

export const Route = createFileRoute("/compare")({
  validateSearch: (raw: Record<string, unknown>): CompareSearch => parseCompareSearch(raw),
  // The loader stays in the main bundle, so the comparison is asked for while the page's
  // own code still loads; only a change of runs asks again.
  loaderDeps: ({ search }) => ({ runs: search.runs }),
  loader: ({ deps }) => prefetchComparison(queryClient, runIdsOf(deps)),
  component: ComparePage,
});

// The route joins the two features: the comparison picks the versions, the artifacts draw them.
function RunVisualizations({ columns }: { columns: OutputColumn[] }) {
  return (
    <Suspense fallback={<LoadingState label="Loading the visualizations…" />}>
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
    </Suspense>
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
