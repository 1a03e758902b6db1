import { useMutation, useQueryClient } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

export interface Vote {
  requestId: string;
  approve: boolean;
  comment: string;
  /** Recorded in local mode; a team server records the logged-in user whatever this says. */
  userName: string;
}

/** Approve or reject a request; the last approval moves the version, so every view of
 * the model refetches. */
export function useVoteOnApprovalRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, approve, comment, userName }: Vote) =>
      unwrap(
        api.POST("/api/v1/approval-requests/{request_id}/votes", {
          params: { path: { request_id: requestId } },
          body: { approve, comment: comment.trim() || null, user_name: userName },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelKeys.all }),
  });
}
