import { useMutation, useQueryClient } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import type { ProtectedStage } from "@/features/models/lib/approval-policy";
import { api, unwrap } from "@/lib/api-client";

export interface PolicyChange {
  modelId: string;
  stage: ProtectedStage;
  /** 0 removes the policy. */
  requiredApprovals: number;
}

/** Set how many approvals changes of a stage need; the model refetches with it. */
export function useSetApprovalPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ modelId, stage, requiredApprovals }: PolicyChange) =>
      unwrap(
        api.PUT("/api/v1/models/{model_id}/approval-policies/{stage}", {
          params: { path: { model_id: modelId, stage } },
          body: { required_approvals: requiredApprovals },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
