import { useMutation, useQueryClient } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrapEmpty } from "@/lib/api-client";

export interface TagEdit {
  modelId: string;
  name: string;
  /** Attach (true) or detach (false). */
  isAdded: boolean;
}

/** Attach or detach one tag of a model; the model and the lists refetch. */
export function useEditModelTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ modelId, name, isAdded }: TagEdit) => {
      const body = { target: "model" as const, target_id: modelId, names: [name] };
      return unwrapEmpty(
        isAdded
          ? api.POST("/api/v1/tags/attach", { body })
          : api.POST("/api/v1/tags/detach", { body }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
