/** Promotion rules being edited: text fields as typed, checked before a dry run or save. */
import type { ModelStage, PromotionRule, RuleOperator } from "@/features/models/lib/model-types";

export const RULE_OPERATORS: RuleOperator[] = [">=", ">", "<=", "<", "=="];
/** Rules promote into the stages one version holds. */
export const RULE_STAGES: ModelStage[] = ["staging", "production"];

export interface RuleDraft {
  metadataKey: string;
  operator: RuleOperator;
  threshold: string;
  stage: ModelStage;
}

export function toDraft(rule: PromotionRule): RuleDraft {
  return {
    metadataKey: rule.metadata_key,
    operator: rule.operator,
    threshold: String(rule.threshold),
    stage: rule.stage,
  };
}

export const EMPTY_DRAFT: RuleDraft = {
  metadataKey: "",
  operator: ">=",
  threshold: "",
  stage: "staging",
};

export type DraftCheck =
  | { rules: PromotionRule[]; problem: null }
  | { rules: null; problem: string };

/** The drafts as rules, or the first problem in words ("Rule 2: give a metadata key."). */
export function checkDrafts(drafts: readonly RuleDraft[]): DraftCheck {
  const rules: PromotionRule[] = [];
  for (const [index, draft] of drafts.entries()) {
    const key = draft.metadataKey.trim();
    const threshold = Number(draft.threshold);
    const where = `Rule ${index + 1}`;
    if (!key) return { rules: null, problem: `${where}: give a metadata key, such as accuracy.` };
    if (draft.threshold.trim() === "" || !Number.isFinite(threshold)) {
      return { rules: null, problem: `${where}: the threshold must be a number.` };
    }
    rules.push({ metadata_key: key, operator: draft.operator, threshold, stage: draft.stage });
  }
  return { rules, problem: null };
}
