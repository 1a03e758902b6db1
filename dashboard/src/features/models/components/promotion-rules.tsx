import { EmptyState } from "@/components/ui/states";
import { StageBadge } from "@/features/models/components/stage-badge";
import type { PromotionRule } from "@/features/models/lib/model-types";

export interface PromotionRulesProps {
  rules: readonly PromotionRule[];
}

/** The model's promotion rules: which metadata value moves a version to which stage. */
export function PromotionRules({ rules }: PromotionRulesProps) {
  if (rules.length === 0) {
    return (
      <EmptyState title="No promotion rules">
        Give the model <code>promotion_rules=[PromotionRule(...)]</code> to move versions to a stage
        when a metadata value passes a threshold.
      </EmptyState>
    );
  }
  return (
    <ul className="lineage-list" aria-label="Promotion rules">
      {rules.map((rule) => (
        <li key={`${rule.stage}-${rule.metadata_key}-${rule.operator}-${rule.threshold}`}>
          <span className="row" style={{ gap: 8 }}>
            <code>
              {rule.metadata_key} {rule.operator} {rule.threshold}
            </code>
            → <StageBadge stage={rule.stage} />
          </span>
        </li>
      ))}
      <li className="muted">
        A rule runs when a run that makes a version ends; the version holding the stage is archived.
      </li>
    </ul>
  );
}
