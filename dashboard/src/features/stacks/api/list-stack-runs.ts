import { useQuery } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** The latest runs that executed on a stack, newest first. */
export function useStackRuns(stackId: string, size: number) {
  return useQuery({
    queryKey: stackKeys.runs(stackId, size),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/runs", {
          params: { query: { stack_id: stackId, size, sort_by: "desc:created" } },
          signal,
        }),
      ),
  });
}
