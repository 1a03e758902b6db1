import { SegmentedControl } from "@/components/ui/segmented-control";
import type { CompareSearch, CompareView } from "@/features/comparison/lib/compare-search";

export interface ComparisonToolbarProps {
  search: CompareSearch;
  onSearchChange: (patch: Partial<CompareSearch>) => void;
  /** The export buttons, which need the view on screen. */
  children: React.ReactNode;
}

const VIEWS: readonly { id: CompareView; label: string }[] = [
  { id: "table", label: "Table" },
  { id: "parallel", label: "Parallel coordinates" },
  { id: "scatter", label: "Scatter" },
  { id: "visualizations", label: "Visualizations" },
];

/** The view switch, "Differences only", the row filter and the exports. */
export function ComparisonToolbar({ search, onSearchChange, children }: ComparisonToolbarProps) {
  return (
    <div className="row compare-toolbar">
      <SegmentedControl
        label="View"
        options={VIEWS}
        value={search.view ?? "table"}
        onChange={(view) => onSearchChange({ view: view === "table" ? undefined : view })}
      />
      {search.view === "visualizations" ? null : (
        <RowControls search={search} onSearchChange={onSearchChange} />
      )}
      <span className="spacer" />
      {children}
    </div>
  );
}

/** "Differences only" and the row filter: about the rows, so not shown beside visualizations. */
function RowControls({ search, onSearchChange }: Omit<ComparisonToolbarProps, "children">) {
  return (
    <>
      <label className="row compare-toggle">
        <input
          type="checkbox"
          checked={search.diff === true}
          onChange={(event) => onSearchChange({ diff: event.target.checked ? true : undefined })}
        />
        Differences only
      </label>
      <input
        className="input compare-filter"
        type="search"
        aria-label="Filter rows"
        placeholder="Filter rows by key…"
        value={search.q ?? ""}
        onChange={(event) => onSearchChange({ q: event.target.value || undefined })}
      />
    </>
  );
}
