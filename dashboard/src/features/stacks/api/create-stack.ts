import { useMutation, useQueryClient } from "@tanstack/react-query";
import { stackKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

export interface StackCreation {
  name: string;
  components: Record<string, string>;
}

/** Compose a stack from component ids, one per type. */
export function useCreateStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StackCreation) =>
      unwrap(api.POST("/api/v1/stacks", { body: { ...body, project_name: "default" } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stackKeys.list() }),
  });
}
