import { createFileRoute } from "@tanstack/react-router";
import { useCallback } from "react";
import { ComparisonPage } from "@/features/comparison/components/comparison-page";
import { type CompareSearch, parseCompareSearch } from "@/features/comparison/lib/compare-search";

export const Route = createFileRoute("/compare")({
  validateSearch: (raw: Record<string, unknown>): CompareSearch => parseCompareSearch(raw),
  component: ComparePage,
});

function ComparePage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const update = useCallback(
    (patch: Partial<CompareSearch>) =>
      void navigate({ search: (prev) => parseCompareSearch({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return <ComparisonPage search={search} onSearchChange={update} />;
}
