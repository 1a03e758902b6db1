import { useMutation, useQueryClient } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrapEmpty } from "@/lib/api-client";

/** Delete a stack; its components stay, its runs keep their copy of it. */
export function useDeleteStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stackId: string) =>
      unwrapEmpty(
        api.DELETE("/api/v1/stacks/{stack_id}", { params: { path: { stack_id: stackId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stackKeys.all }),
  });
}
