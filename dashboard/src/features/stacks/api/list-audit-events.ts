import { useQuery } from "@tanstack/react-query";
import { componentKeys, stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

const HISTORY_SIZE = 50;
const CREATORS_SIZE = 500;

/** A component's changes from the audit trail, newest first (admins only). */
export function useComponentHistory(componentId: string) {
  return useQuery({
    queryKey: componentKeys.history(componentId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/audit-events", {
          params: {
            query: { resource: "component", resource_id: componentId, size: HISTORY_SIZE },
          },
          signal,
        }),
      ),
    retry: false,
  });
}

/** Who made each stack, from the audit trail: stack id → user name (admins only). */
export function useStackCreators() {
  return useQuery({
    queryKey: stackKeys.creators(),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/v1/audit-events", {
          params: { query: { operation: "create_stack", size: CREATORS_SIZE } },
          signal,
        }),
      );
      const creators = new Map<string, string>();
      for (const event of page.items) {
        if (event.resource_id) creators.set(event.resource_id, event.user_name);
      }
      return creators;
    },
    retry: false,
  });
}
