import type { Comparison } from "@/features/comparison/api/compare-runs";
import {
  type ExportFormat,
  useExportComparison,
} from "@/features/comparison/api/export-comparison";
import type { TableView } from "@/features/comparison/lib/comparison-table";
import { downloadFile } from "@/features/comparison/lib/download-file";
import { errorMessage } from "@/lib/api-client";

export interface ExportButtonsProps {
  comparison: Comparison;
  view: TableView;
  baseline: number;
  isDiffOnly: boolean;
  /** True when a row filter hides rows, so the rows shown are sent. */
  isFiltered: boolean;
}

const TYPES: Record<ExportFormat, string> = {
  csv: "text/csv;charset=utf-8",
  json: "application/json",
};

/** Download what is on screen (runs shown, in order; rows shown) as the server writes it. */
export function ExportButtons({
  comparison,
  view,
  baseline,
  isDiffOnly,
  isFiltered,
}: ExportButtonsProps) {
  const exporting = useExportComparison();
  const save = (format: ExportFormat) => {
    const runs = view.columns.flatMap((index) => comparison.runs[index]?.id ?? []);
    const rows = isFiltered ? view.rows.map((row) => ({ group: row.group, key: row.key })) : null;
    exporting.mutate(
      { runs, baseline: comparison.runs[baseline]?.id, diff_only: isDiffOnly, rows, format },
      { onSuccess: (text) => downloadFile(`comparison.${format}`, text, TYPES[format]) },
    );
  };
  return (
    <span className="row">
      <button
        type="button"
        className="button small"
        disabled={exporting.isPending}
        onClick={() => save("csv")}
      >
        Export CSV
      </button>
      <button
        type="button"
        className="button small"
        disabled={exporting.isPending}
        onClick={() => save("json")}
      >
        Export JSON
      </button>
      {exporting.isError ? (
        <span role="alert" className="field-error">
          {errorMessage(exporting.error)}
        </span>
      ) : null}
    </span>
  );
}
