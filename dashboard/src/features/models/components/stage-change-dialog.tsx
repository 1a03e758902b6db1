import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useStageHolders } from "@/features/models/api/list-stage-holders";
import { useSetModelVersionStage } from "@/features/models/api/set-model-version-stage";
import type { ModelStage, ModelVersion, PromotionRule } from "@/features/models/lib/model-types";
import { previewStageChange } from "@/features/models/lib/stage-change-preview";
import { holdersOf } from "@/features/models/lib/stage-holders";
import { STAGE_STYLES, STAGES } from "@/features/models/lib/stage-styles";
import { errorMessage } from "@/lib/api-client";

export interface StageChangeDialogProps {
  version: ModelVersion;
  rules: readonly PromotionRule[];
  userName: string;
  onClose: () => void;
}

function firstOtherStage(stage: ModelStage): ModelStage {
  return STAGES.find((s) => s !== stage) ?? "staging";
}

/** Choose a stage and a reason, see what will happen, then move the version. */
export function StageChangeDialog({ version, rules, userName, onClose }: StageChangeDialogProps) {
  const [stage, setStage] = useState<ModelStage>(firstOtherStage(version.stage));
  const [reason, setReason] = useState("");
  const held = useStageHolders([version.model_id]);
  const current = holdersOf(held.data, version.model_id);
  const change = useSetModelVersionStage();
  const holders = {
    staging: current.staging?.version.number,
    production: current.production?.version.number,
  };
  const preview = previewStageChange({ version, stage, holders, rules: [...rules] });
  const isSame = stage === version.stage;
  const confirm = () => {
    if (isSame) return;
    change.mutate(
      { versionId: version.id, stage, force: preview.needsForce, reason, userName },
      { onSuccess: onClose },
    );
  };
  return (
    <ConfirmDialog
      title={`Move version ${version.number} of '${version.model_name}'`}
      confirmLabel={`Move to ${STAGE_STYLES[stage].label}`}
      isBusy={change.isPending || held.isPending || isSame}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="muted">Stage</legend>
        <div className="stage-choice">
          {STAGES.map((choice) => (
            <label key={choice} className="row" style={{ gap: 4 }}>
              <input
                type="radio"
                name="stage"
                value={choice}
                checked={stage === choice}
                onChange={() => setStage(choice)}
              />
              {STAGE_STYLES[choice].label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span className="muted">Reason (kept in the stage history)</span>
        <textarea
          className="input"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <div className="field" aria-live="polite">
        <span className="muted">What will happen</span>
        <ul className="effects" aria-label="What will happen">
          {preview.effects.map((effect) => (
            <li key={effect}>{effect}</li>
          ))}
        </ul>
      </div>
      {change.isError ? (
        <div role="alert" className="callout failed">
          {errorMessage(change.error)}
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
