import { useMutation, useQueryClient } from "@tanstack/react-query";
import { componentKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrapEmpty } from "@/lib/api-client";

/** Delete a component; the server refuses while a stack uses it, naming the stacks. */
export function useDeleteComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (componentId: string) =>
      unwrapEmpty(
        api.DELETE("/api/v1/stack-components/{component_id}", {
          params: { path: { component_id: componentId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: componentKeys.list() }),
  });
}
