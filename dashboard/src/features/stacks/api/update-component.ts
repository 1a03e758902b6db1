import { useMutation, useQueryClient } from "@tanstack/react-query";
import { componentKeys, stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

export interface ComponentChange {
  componentId: string;
  name?: string;
  settings: Record<string, unknown>;
  secrets?: Record<string, string>;
}

/** Rename a component or replace its settings (a secret changes only when given). */
export function useUpdateComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ componentId, ...body }: ComponentChange) =>
      unwrap(
        api.PATCH("/api/v1/stack-components/{component_id}", {
          params: { path: { component_id: componentId } },
          body,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: componentKeys.all });
      await queryClient.invalidateQueries({ queryKey: stackKeys.all });
    },
  });
}
