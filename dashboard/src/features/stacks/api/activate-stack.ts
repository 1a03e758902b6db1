import { useMutation, useQueryClient } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

/** Make a stack the server's default. */
export function useActivateStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stackId: string) =>
      unwrap(
        api.PUT("/api/v1/stacks/{stack_id}/active", { params: { path: { stack_id: stackId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stackKeys.active() }),
  });
}
