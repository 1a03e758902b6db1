import { useMutation, useQueryClient } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import type { ModelStage } from "@/features/models/lib/model-types";
import { api, unwrap } from "@/lib/api-client";

export interface StageChangeRequest {
  versionId: string;
  stage: ModelStage;
  force: boolean;
  reason: string;
  /** Recorded in local mode; a team server records the logged-in user whatever this says. */
  userName: string;
}

/** Move a version to a stage; every view of the model's versions and history refetches. */
export function useSetModelVersionStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, stage, force, reason, userName }: StageChangeRequest) =>
      unwrap(
        api.PUT("/api/v1/model-versions/{version_id}/stage", {
          params: { path: { version_id: versionId } },
          body: { stage, force, reason: reason.trim() || null, user_name: userName },
        }),
      ),
    // A change moves the holder too, so every version and summary of the model may change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
