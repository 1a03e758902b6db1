import { useQuery } from "@tanstack/react-query";
import type { StackComponentType } from "@/api/types";
import { componentKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** One component by name (and type, when names repeat across types) or id. */
export function useComponent(name: string, type: StackComponentType | undefined) {
  return useQuery({
    queryKey: componentKeys.detail(name, type),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/stack-components/{component_id}", {
          params: { path: { component_id: name }, query: type ? { type } : {} },
          signal,
        }),
      ),
  });
}
