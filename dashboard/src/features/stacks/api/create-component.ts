import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StackComponentType } from "@/api/types";
import { componentKeys } from "@/features/stacks/api/stack-keys";
import { api, unwrap } from "@/lib/api-client";

export interface ComponentRegistration {
  name: string;
  type: StackComponentType;
  flavor: string;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** Register a component; the server checks its settings against the flavor again. */
export function useCreateComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComponentRegistration) =>
      unwrap(api.POST("/api/v1/stack-components", { body: { ...body, project_name: "default" } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: componentKeys.list() }),
  });
}
