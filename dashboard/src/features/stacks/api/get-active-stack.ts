import { useQuery } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** The stack runs use by default: the server's choice for its store. */
export function useActiveStack() {
  return useQuery({
    queryKey: stackKeys.active(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/active-stack", { signal })),
  });
}
