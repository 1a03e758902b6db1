import { createFileRoute } from "@tanstack/react-router";
import { RunHistory } from "@/features/runs/components/run-history";
import { parseRunSearch, type RunSearch } from "@/features/runs/lib/run-filters";

export const Route = createFileRoute("/runs/")({
  validateSearch: (raw: Record<string, unknown>): RunSearch => parseRunSearch(raw),
  component: RunsPage,
});

function RunsPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Runs</h1>
          <span className="subtitle">Every pipeline run, newest first. New runs appear live.</span>
        </div>
      </div>
      <RunHistory search={search} onSearchChange={(next) => void navigate({ search: next })} />
    </div>
  );
}
