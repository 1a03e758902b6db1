import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { EmptyState } from "@/components/ui/states";
import { CompareVersions } from "@/features/models/components/compare-versions";
import {
  comparedNumbers,
  compareLinkSearch,
  MAX_COMPARED,
  MIN_COMPARED,
  parseCompareSearch,
} from "@/features/models/lib/compare-search";

export const Route = createFileRoute("/models/$name/compare")({
  validateSearch: parseCompareSearch,
  component: ComparePage,
});

function ComparePage() {
  const { name } = Route.useParams();
  const search = Route.useSearch();
  const versions = comparedNumbers(search);
  const { baseline } = search;
  const navigate = Route.useNavigate();
  const [draft, setDraft] = useState(versions.join(", "));
  const chosenBaseline = baseline ?? versions[0] ?? 1;
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">
            <Link to="/models">Models</Link> /{" "}
            <Link to="/models/$name" params={{ name }}>
              {name}
            </Link>{" "}
            /
          </span>
          <h1>Compare versions</h1>
          <span className="subtitle">
            Deltas are against the baseline; this page's address links to it.
          </span>
        </div>
        <span className="spacer" />
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            const next = comparedNumbers({ versions: draft });
            void navigate({
              search: compareLinkSearch(
                next,
                next.includes(chosenBaseline) ? chosenBaseline : undefined,
              ),
            });
          }}
        >
          <label className="row" style={{ gap: 6 }}>
            <span className="muted">Versions</span>
            <input
              className="input"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              aria-label="Version numbers to compare"
              style={{ width: 240 }}
              placeholder="1, 2, 3"
            />
          </label>
          <button type="submit" className="button">
            Compare
          </button>
        </form>
      </div>
      <div className="card">
        {versions.length < MIN_COMPARED ? (
          <EmptyState title={`Pick ${MIN_COMPARED} to ${MAX_COMPARED} versions`}>
            Type version numbers above, or tick versions on the model's page.
          </EmptyState>
        ) : (
          <CompareVersions
            modelName={name}
            numbers={versions}
            baseline={chosenBaseline}
            onBaseline={(number) =>
              void navigate({ search: compareLinkSearch(versions, number), replace: true })
            }
          />
        )}
      </div>
    </div>
  );
}
