/** What a model's approval policies ask of a stage change, as the store decides it. */
import type { ApprovalPolicy, ModelStage } from "@/features/models/lib/model-types";

/** The stages a policy may protect: those one version holds at a time. */
export const PROTECTED_STAGES = ["production", "staging"] as const;
export type ProtectedStage = (typeof PROTECTED_STAGES)[number];

function isProtectable(stage: ModelStage): stage is ProtectedStage {
  return stage === "production" || stage === "staging";
}

/** How many approvals a stage needs (0: none, changes apply at once). */
export function approvalsFor(policies: readonly ApprovalPolicy[], stage: ModelStage): number {
  return policies.find((policy) => policy.stage === stage)?.required_approvals ?? 0;
}

/** How many approvals moving a version `from -> to` needs: entering or leaving a
 * protected stage both count, and the stricter policy wins (as the store counts). */
export function approvalsForChange(
  policies: readonly ApprovalPolicy[],
  from: ModelStage,
  to: ModelStage,
): number {
  if (from === to) return 0;
  const stages = [from, to].filter(isProtectable);
  return Math.max(0, ...stages.map((stage) => approvalsFor(policies, stage)));
}

/** "needs 2 approvals" / "needs 1 approval". */
export function approvalCount(count: number): string {
  return `${count} approval${count === 1 ? "" : "s"}`;
}
