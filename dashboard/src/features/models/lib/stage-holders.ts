/** Who holds staging and production in each model, and since when, from two listings. */
import type { ModelVersion, StageTransition } from "@/features/models/lib/model-types";

export interface StageHolder {
  version: ModelVersion;
  /** When it got there (null if its history does not say). */
  since: string | null;
}

export interface ModelHolders {
  staging: StageHolder | null;
  production: StageHolder | null;
}

const NOBODY: ModelHolders = { staging: null, production: null };

/** Holders by model id, from the versions in staging or production and their applied
 * transitions (newest first: the first one into its stage is the arrival). */
export function groupStageHolders(
  holders: ModelVersion[],
  arrivals: StageTransition[],
): Map<string, ModelHolders> {
  const byModel = new Map<string, ModelHolders>();
  for (const version of holders) {
    if (version.stage !== "staging" && version.stage !== "production") continue;
    const arrival = arrivals.find(
      (t) => t.model_version_id === version.id && t.to_stage === version.stage,
    );
    const current = byModel.get(version.model_id) ?? NOBODY;
    const holder = { version, since: arrival?.created ?? null };
    byModel.set(version.model_id, { ...current, [version.stage]: holder });
  }
  return byModel;
}

/** A model's holders from the grouped map (nobody when it has none). */
export function holdersOf(grouped: Map<string, ModelHolders> | undefined, modelId: string) {
  return grouped?.get(modelId) ?? NOBODY;
}
