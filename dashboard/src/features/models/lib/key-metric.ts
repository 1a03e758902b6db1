/** Which metadata keys describe a model's versions best: the rules' keys, then numbers. */
import { isNumber } from "@/features/models/lib/metadata-deltas";
import type { Model, ModelVersion } from "@/features/models/lib/model-types";

/** Numeric metadata keys of the versions: the promotion rules' keys first, then by use. */
export function metricKeys(model: Pick<Model, "promotion_rules">, versions: ModelVersion[]) {
  const uses = new Map<string, number>();
  for (const version of versions) {
    for (const [key, entry] of Object.entries(version.metadata)) {
      if (isNumber(entry.value)) uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const ruled = [...new Set(model.promotion_rules.map((rule) => rule.metadata_key))];
  const others = [...uses.keys()]
    .filter((key) => !ruled.includes(key))
    .sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || a.localeCompare(b));
  return [...ruled, ...others];
}

/** The one key a model's list row shows for its staging and production versions. */
export function keyMetric(model: Pick<Model, "promotion_rules">, versions: ModelVersion[]) {
  return metricKeys(model, versions)[0] ?? null;
}
