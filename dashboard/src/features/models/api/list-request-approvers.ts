import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

/** Who may still approve a pending request (`names` null: the server keeps no logins). */
export function useRequestApprovers(requestId: string, isPending: boolean) {
  return useQuery({
    queryKey: modelKeys.approvers(requestId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/approval-requests/{request_id}/approvers", {
          params: { path: { request_id: requestId } },
          signal,
        }),
      ),
    // A decided request waits on nobody: no need to ask.
    enabled: isPending,
  });
}
