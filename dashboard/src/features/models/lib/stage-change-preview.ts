/** What moving a version to a stage will do, in words, before anyone confirms it. */
import { approvalCount, approvalsForChange } from "@/features/models/lib/approval-policy";
import type {
  ApprovalPolicy,
  ApprovalRequest,
  ModelStage,
  ModelVersion,
  PromotionRule,
} from "@/features/models/lib/model-types";
import { STAGE_STYLES } from "@/features/models/lib/stage-styles";

export interface StageChangePreview {
  /** The version that holds the stage now and will be archived (null: nobody). */
  holderNumber: number | null;
  /** The request must `force` the holder out (the store refuses otherwise). */
  needsForce: boolean;
  /** How many approvals the change waits for (0: it applies at once). */
  requiredApprovals: number;
  /** A pending request asks for this very change: asking again would be refused. */
  isRequestedAlready: boolean;
  /** Sentences saying what will happen, in order. */
  effects: string[];
}

export interface StageChangeInput {
  version: Pick<ModelVersion, "number" | "stage" | "model_name">;
  stage: ModelStage;
  /** The versions holding `staging` and `production` now. */
  holders: Partial<Record<ModelStage, number>>;
  rules: PromotionRule[];
  /** The model's approval policies. */
  policies?: readonly ApprovalPolicy[];
  /** The version's pending approval requests. */
  pending?: readonly Pick<
    ApprovalRequest,
    "kind" | "to_stage" | "status" | "votes" | "required_approvals"
  >[];
}

/** `accuracy >= 0.9 -> staging`, as the server words a rule. */
export function describeRule(rule: PromotionRule): string {
  return `${rule.metadata_key} ${rule.operator} ${rule.threshold} -> ${rule.stage}`;
}

function isExclusive(stage: ModelStage): boolean {
  return stage === "staging" || stage === "production";
}

/** The effects of `version -> stage`, given who holds what and the model's rules. */
export function previewStageChange(input: StageChangeInput): StageChangePreview {
  const { version, stage, holders, rules, policies = [], pending = [] } = input;
  const name = `Version ${version.number}`;
  const unchanged = { holderNumber: null, needsForce: false, requiredApprovals: 0 };
  if (version.stage === stage) {
    const effects = [`${name} is in ${stage} already.`];
    return { ...unchanged, isRequestedAlready: false, effects };
  }
  const asked = pending.find(
    (r) => r.status === "pending" && r.kind !== "deletion" && r.to_stage === stage,
  );
  if (asked) {
    const approvals = asked.votes.filter((vote) => vote.approve).length;
    const effects = [
      `A request to move ${name.toLowerCase()} to ${STAGE_STYLES[stage].label} is pending already (${approvals} of ${approvalCount(asked.required_approvals)}); approvers vote on it on this page, and asking again is refused.`,
    ];
    const requiredApprovals = asked.required_approvals;
    return { ...unchanged, requiredApprovals, isRequestedAlready: true, effects };
  }
  const required = approvalsForChange(policies, version.stage, stage);
  const holder = isExclusive(stage) ? (holders[stage] ?? null) : null;
  const from = STAGE_STYLES[version.stage].label;
  const effects = [`${name} moves from ${from} to ${STAGE_STYLES[stage].label}.`];
  if (holder !== null) effects.push(`Version ${holder} leaves ${stage} and is archived.`);
  if (version.stage === "production") {
    effects.push(
      `Runs that load '${version.model_name}' at 'production' find no version until another is promoted.`,
    );
  }
  if (stage === "production") {
    effects.push(
      `Runs that load '${version.model_name}' at 'production' get version ${version.number}.`,
    );
  }
  for (const rule of rules.filter((r) => r.stage === stage)) {
    effects.push(
      `Rule '${describeRule(rule)}' promotes to ${stage} on its own; a change by hand does not check it.`,
    );
  }
  effects.push(
    required > 0
      ? `The approval policy holds it back: this makes a pending request that needs ${approvalCount(required)} from users who may promote, not you. The last approval applies it.`
      : "No approval policy applies: the change is made at once and kept in the history.",
  );
  return {
    holderNumber: holder,
    needsForce: holder !== null,
    requiredApprovals: required,
    isRequestedAlready: false,
    effects,
  };
}
