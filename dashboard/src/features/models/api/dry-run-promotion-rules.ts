import { useMutation } from "@tanstack/react-query";
import type { PromotionRule } from "@/features/models/lib/model-types";
import { api, unwrap } from "@/lib/api-client";

/** What rules would decide for every existing version, and why; changes nothing. */
export function useDryRunPromotionRules() {
  return useMutation({
    mutationFn: ({ modelId, rules }: { modelId: string; rules: PromotionRule[] }) =>
      unwrap(
        api.POST("/api/v1/models/{model_id}/promotion-rules/dry-run", {
          params: { path: { model_id: modelId } },
          body: { promotion_rules: rules },
        }),
      ),
  });
}
