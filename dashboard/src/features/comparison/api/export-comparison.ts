import { useMutation } from "@tanstack/react-query";
import type { components } from "@/api/schema.gen";
import { api, unwrap } from "@/lib/api-client";

export type ComparisonExport = components["schemas"]["ComparisonExportRequest"];
export type ExportFormat = components["schemas"]["ExportFormat"];

/** The view on screen as the server writes it: the same bytes as `headwater runs compare
 * -o csv|json` for those runs, baseline and rows. */
export function useExportComparison() {
  return useMutation({
    mutationFn: (view: ComparisonExport) =>
      unwrap(
        api.POST("/api/v1/runs/compare/export", { body: view, parseAs: "text" }),
      ) as Promise<string>,
  });
}
