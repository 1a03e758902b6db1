/** A stage transition in one sentence, for tooltips and screen readers. */
import type { StageTransition } from "@/features/models/lib/model-types";

const OUTCOME_WORDS: Record<StageTransition["outcome"], string> = {
  applied: "moved",
  refused: "refused",
  skipped: "not promoted",
  requested: "requested",
  approved: "approved",
  rejected: "rejected",
};

const TRIGGER_WORDS: Record<StageTransition["trigger"], string> = {
  user: "by hand",
  rule: "by a rule",
  demotion: "as another version took its stage",
};

/** "v2 none → production moved by hand (ada): hotfix" */
export function describeTransition(transition: StageTransition): string {
  const who = transition.user_name ? ` (${transition.user_name})` : "";
  const why = transition.reason ? `: ${transition.reason}` : "";
  const what = OUTCOME_WORDS[transition.outcome];
  const how = TRIGGER_WORDS[transition.trigger];
  return `v${transition.version_number} ${transition.from_stage} → ${transition.to_stage} ${what} ${how}${who}${why}`;
}
