import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import type { ModelVersion, StageTransition } from "@/features/models/lib/model-types";
import { api, unwrap } from "@/lib/api-client";

export interface StageHolder {
  version: ModelVersion;
  /** When it got there (null if its history does not say). */
  since: string | null;
}

export interface ModelSummary {
  latest: ModelVersion | null;
  staging: StageHolder | null;
  production: StageHolder | null;
}

// The holders' arrival is among the model's latest applied changes.
const RECENT_CHANGES = 100;

function holder(
  versions: ModelVersion[],
  stage: "staging" | "production",
  changes: StageTransition[],
): StageHolder | null {
  const version = versions.find((v) => v.stage === stage);
  if (!version) return null;
  const arrival = changes.find((t) => t.model_version_id === version.id && t.to_stage === stage);
  return { version, since: arrival?.created ?? null };
}

/** A model's latest version and who holds staging and production since when (3 requests). */
export function useModelSummary(modelId: string) {
  return useQuery({
    queryKey: modelKeys.summary(modelId),
    queryFn: async ({ signal }): Promise<ModelSummary> => {
      const [latest, staged, changes] = await Promise.all([
        unwrap(
          api.GET("/api/v1/model-versions", {
            params: { query: { model_id: modelId, size: 1, sort_by: "desc:number" } },
            signal,
          }),
        ),
        unwrap(
          api.GET("/api/v1/model-versions", {
            params: { query: { model_id: modelId, stage: "oneof:[staging,production]", size: 2 } },
            signal,
          }),
        ),
        unwrap(
          api.GET("/api/v1/stage-transitions", {
            params: {
              query: {
                model_id: modelId,
                outcome: "applied",
                sort_by: "desc:created",
                size: RECENT_CHANGES,
              },
            },
            signal,
          }),
        ),
      ]);
      return {
        latest: latest.items[0] ?? null,
        staging: holder(staged.items, "staging", changes.items),
        production: holder(staged.items, "production", changes.items),
      };
    },
  });
}
