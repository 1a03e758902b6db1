import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { comparisonKeys } from "@/features/comparison/api/comparison-keys";
import { api, unwrap } from "@/lib/api-client";

const RESULTS = 10;

/** Runs whose name contains the text, newest first: what "Add a run" offers. */
export function useRunSearch(name: string, isEnabled: boolean) {
  const text = name.trim();
  return useQuery({
    queryKey: comparisonKeys.search(text),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/runs", {
          params: {
            query: {
              name: text ? `contains:${text}` : undefined,
              size: RESULTS,
              sort_by: "desc:created",
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}
