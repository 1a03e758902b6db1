import { useQuery } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** One stack with its components, by name or id. */
export function useStack(stackName: string) {
  return useQuery({
    queryKey: stackKeys.detail(stackName),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/stacks/{stack_id}", {
          params: { path: { stack_id: stackName } },
          signal,
        }),
      ),
  });
}
