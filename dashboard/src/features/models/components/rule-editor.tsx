import { useEffect, useId, useRef, useState } from "react";
import { useDryRunPromotionRules } from "@/features/models/api/dry-run-promotion-rules";
import { useSetPromotionRules } from "@/features/models/api/set-promotion-rules";
import { DryRunVerdicts } from "@/features/models/components/dry-run-verdicts";
import type { Model, ModelStage, RuleOperator } from "@/features/models/lib/model-types";
import {
  checkDrafts,
  EMPTY_DRAFT,
  RULE_OPERATORS,
  RULE_STAGES,
  type RuleDraft,
  toDraft,
} from "@/features/models/lib/rule-drafts";
import { errorMessage } from "@/lib/api-client";

export interface RuleEditorProps {
  model: Model;
  onDone: () => void;
}

function DraftRow({
  draft,
  index,
  onChange,
  onRemove,
}: {
  draft: RuleDraft;
  index: number;
  onChange: (next: RuleDraft) => void;
  onRemove: () => void;
}) {
  const name = `rule ${index + 1}`;
  return (
    <li className="rule-draft">
      <input
        className="input"
        aria-label={`Metadata key of ${name}`}
        placeholder="accuracy"
        value={draft.metadataKey}
        onChange={(e) => onChange({ ...draft, metadataKey: e.target.value })}
      />
      <select
        className="select"
        aria-label={`Operator of ${name}`}
        value={draft.operator}
        onChange={(e) => onChange({ ...draft, operator: e.target.value as RuleOperator })}
      >
        {RULE_OPERATORS.map((op) => (
          <option key={op}>{op}</option>
        ))}
      </select>
      <input
        className="input"
        aria-label={`Threshold of ${name}`}
        inputMode="decimal"
        placeholder="0.9"
        value={draft.threshold}
        onChange={(e) => onChange({ ...draft, threshold: e.target.value })}
      />
      <select
        className="select"
        aria-label={`Stage of ${name}`}
        value={draft.stage}
        onChange={(e) => onChange({ ...draft, stage: e.target.value as ModelStage })}
      >
        {RULE_STAGES.map((stage) => (
          <option key={stage}>{stage}</option>
        ))}
      </select>
      <button
        type="button"
        className="button small"
        aria-label={`Remove ${name}`}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}

/** Edit the model's rules, try them on its existing versions, then save them. */
export function RuleEditor({ model, onDone }: RuleEditorProps) {
  const [drafts, setDrafts] = useState(model.promotion_rules.map(toDraft));
  const dryRun = useDryRunPromotionRules();
  const save = useSetPromotionRules();
  const checked = checkDrafts(drafts);
  const edit = (index: number, next: RuleDraft | null) =>
    setDrafts((all) => all.flatMap((d, i) => (i !== index ? [d] : next ? [next] : [])));
  const failure = dryRun.error ?? save.error;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    // A dialog, wide enough for the dry run's reasons (the rules card is a narrow column).
    <dialog
      ref={ref}
      className="dialog rule-editor"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onDone();
      }}
    >
      <h2 id={titleId}>Promotion rules of '{model.name}'</h2>
      <div className="section">
        <ul className="rule-drafts" aria-label="Rules being edited">
          {drafts.map((draft, index) => (
            <DraftRow
              // Rows are positions in the draft list; nothing else identifies them.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              key={index}
              draft={draft}
              index={index}
              onChange={(next) => edit(index, next)}
              onRemove={() => edit(index, null)}
            />
          ))}
        </ul>
        <div className="row">
          <button
            type="button"
            className="button small"
            onClick={() => setDrafts([...drafts, EMPTY_DRAFT])}
          >
            Add a rule
          </button>
          <span className="spacer" />
          <button
            type="button"
            className="button small"
            disabled={checked.rules === null || dryRun.isPending}
            onClick={() =>
              checked.rules && dryRun.mutate({ modelId: model.id, rules: checked.rules })
            }
          >
            Dry run
          </button>
          <button type="button" className="button small" onClick={onDone}>
            Cancel
          </button>
          <button
            type="button"
            className="button small primary"
            disabled={checked.rules === null || save.isPending}
            onClick={() =>
              checked.rules &&
              save.mutate({ modelId: model.id, rules: checked.rules }, { onSuccess: onDone })
            }
          >
            Save rules
          </button>
        </div>
        {checked.problem ? <span className="muted">{checked.problem}</span> : null}
        {failure ? (
          <div role="alert" className="callout failed">
            {errorMessage(failure)}
          </div>
        ) : null}
        {dryRun.data ? <DryRunVerdicts dryRun={dryRun.data} /> : null}
      </div>
    </dialog>
  );
}
