import { useMutation, useQueryClient } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

export interface StackChange {
  stackId: string;
  name?: string;
  components: Record<string, string | null>;
}

/** Rename a stack, or put components in and take them out. */
export function useUpdateStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stackId, ...body }: StackChange) =>
      unwrap(
        api.PATCH("/api/v1/stacks/{stack_id}", {
          params: { path: { stack_id: stackId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stackKeys.all }),
  });
}
