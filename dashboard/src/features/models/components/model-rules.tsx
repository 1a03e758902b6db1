import { useState } from "react";
import { PromotionRules } from "@/features/models/components/promotion-rules";
import { RuleEditor } from "@/features/models/components/rule-editor";
import type { Model } from "@/features/models/lib/model-types";

export interface ModelRulesProps {
  model: Model;
  /** The caller may update the model (and so edit its rules). */
  mayEdit: boolean;
}

/** The model's promotion rules, and for roles that may update it, an editor with a dry run. */
export function ModelRules({ model, mayEdit }: ModelRulesProps) {
  const [isEditing, setEditing] = useState(false);
  return (
    <div className="section">
      <PromotionRules rules={model.promotion_rules} />
      {mayEdit ? (
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          Edit rules…
        </button>
      ) : null}
      {isEditing ? <RuleEditor model={model} onDone={() => setEditing(false)} /> : null}
    </div>
  );
}
