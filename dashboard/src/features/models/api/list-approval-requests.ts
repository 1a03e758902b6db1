import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

/** Which approval requests to list: every filter is optional. */
export interface ApprovalFilter {
  modelId?: string;
  versionId?: string;
  /** `pending` for what awaits approvers; omitted for every request. */
  status?: "pending";
}

// One page holds every request a team has open, and a version's whole history.
const MAX_REQUESTS = 500;

/** Approval requests, newest first. */
export function useApprovalRequests(filter: ApprovalFilter) {
  return useQuery({
    queryKey: modelKeys.approvals(filter),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/approval-requests", {
          params: {
            query: {
              size: MAX_REQUESTS,
              sort_by: "desc:created",
              ...(filter.modelId ? { model_id: filter.modelId } : {}),
              ...(filter.versionId ? { model_version_id: filter.versionId } : {}),
              ...(filter.status ? { status: filter.status } : {}),
            },
          },
          signal,
        }),
      ),
  });
}
