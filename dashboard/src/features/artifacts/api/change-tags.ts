import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TagTarget } from "@/api/types";
import { artifactKeys } from "@/features/artifacts/api/artifact-keys";
import { api, unwrapEmpty } from "@/lib/api-client";

export interface TagEdit {
  action: "attach" | "detach";
  names: string[];
}

/** Attach or detach tags of an artifact or one of its versions; the server checks the role.
 *
 * Refetches the artifact (its versions' keys share its prefix), the catalog's lists and
 * the tag names; a version's own page too when a version changed. */
export function useChangeTags(target: TagTarget, targetId: string, artifactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, names }: TagEdit) =>
      unwrapEmpty(
        action === "attach"
          ? api.POST("/api/v1/tags/attach", { body: { target, target_id: targetId, names } })
          : api.POST("/api/v1/tags/detach", { body: { target, target_id: targetId, names } }),
      ),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: artifactKeys.artifact(artifactId) }),
        queryClient.invalidateQueries({ queryKey: artifactKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: artifactKeys.tags() }),
        target === "artifact_version"
          ? queryClient.invalidateQueries({ queryKey: artifactKeys.detail(targetId) })
          : Promise.resolve(),
      ]);
    },
  });
}
