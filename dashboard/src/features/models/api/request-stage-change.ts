import { useMutation, useQueryClient } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import type { StageChangeRequest } from "@/features/models/api/set-model-version-stage";
import { api, unwrap } from "@/lib/api-client";

/** Ask for a stage change a policy holds back: the answer carries the pending request
 * (or, if the policy went away meanwhile, the version already moved). */
export function useRequestStageChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, stage, force, reason, userName }: StageChangeRequest) =>
      unwrap(
        api.POST("/api/v1/model-versions/{version_id}/stage-requests", {
          params: { path: { version_id: versionId } },
          body: { stage, force, reason: reason.trim() || null, user_name: userName },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
