import { useMutation, useQueryClient } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import type { PromotionRule } from "@/features/models/lib/model-types";
import { api, unwrap } from "@/lib/api-client";

/** Replace a model's promotion rules (the server audits the edit). */
export function useSetPromotionRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ modelId, rules }: { modelId: string; rules: PromotionRule[] }) =>
      unwrap(
        api.PUT("/api/v1/models/{model_id}/promotion-rules", {
          params: { path: { model_id: modelId } },
          body: { promotion_rules: rules },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
