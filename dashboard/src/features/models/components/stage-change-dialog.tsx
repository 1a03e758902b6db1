import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useApprovalRequests } from "@/features/models/api/list-approval-requests";
import { useStageHolders } from "@/features/models/api/list-stage-holders";
import { useRequestStageChange } from "@/features/models/api/request-stage-change";
import { useSetModelVersionStage } from "@/features/models/api/set-model-version-stage";
import { ApprovalRequestCard } from "@/features/models/components/approval-request-card";
import { approvalCount } from "@/features/models/lib/approval-policy";
import type {
  ApprovalPolicy,
  ApprovalRequest,
  ModelStage,
  ModelVersion,
  PromotionRule,
} from "@/features/models/lib/model-types";
import { previewStageChange } from "@/features/models/lib/stage-change-preview";
import { holdersOf } from "@/features/models/lib/stage-holders";
import { STAGE_STYLES, STAGES } from "@/features/models/lib/stage-styles";
import { errorMessage } from "@/lib/api-client";

export interface StageChangeDialogProps {
  version: ModelVersion;
  rules: readonly PromotionRule[];
  policies: readonly ApprovalPolicy[];
  userName: string;
  onClose: () => void;
}

function firstOtherStage(stage: ModelStage): ModelStage {
  return STAGES.find((s) => s !== stage) ?? "staging";
}

/** After asking: the pending request the change became, and whom it waits on. */
function RequestSent({
  request,
  userName,
  onClose,
}: {
  request: ApprovalRequest;
  userName: string;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title="Approval requested"
      confirmLabel="Close"
      onConfirm={onClose}
      onCancel={onClose}
    >
      <div role="status" className="callout">
        The change waits for {approvalCount(request.required_approvals)} from users who may promote;
        the last approval applies it.
      </div>
      <ApprovalRequestCard request={request} userName={userName} />
    </ConfirmDialog>
  );
}

/** Choose a stage and a reason, see what will happen, then move the version, or ask
 * for approval where the model's policy holds the change back. */
export function StageChangeDialog(props: StageChangeDialogProps) {
  const { version, rules, policies, userName, onClose } = props;
  const [stage, setStage] = useState<ModelStage>(firstOtherStage(version.stage));
  const [reason, setReason] = useState("");
  const held = useStageHolders([version.model_id]);
  const requests = useApprovalRequests({ versionId: version.id, status: "pending" });
  const current = holdersOf(held.data, version.model_id);
  const move = useSetModelVersionStage();
  const ask = useRequestStageChange();
  const holders = {
    staging: current.staging?.version.number,
    production: current.production?.version.number,
  };
  const pending = requests.data?.items ?? [];
  const preview = previewStageChange({
    version,
    stage,
    holders,
    rules: [...rules],
    policies,
    pending,
  });
  const needsApproval = preview.requiredApprovals > 0;
  const change = needsApproval ? ask : move;
  const isSame = stage === version.stage || preview.isRequestedAlready;
  const confirm = () => {
    if (isSame) return;
    const body = { versionId: version.id, stage, force: preview.needsForce, reason, userName };
    if (!needsApproval) move.mutate(body, { onSuccess: onClose });
    // Without a request the policy went away meanwhile, and the change applied.
    else ask.mutate(body, { onSuccess: (outcome) => (outcome.request ? null : onClose()) });
  };
  if (ask.data?.request) {
    return <RequestSent request={ask.data.request} userName={userName} onClose={onClose} />;
  }
  return (
    <ConfirmDialog
      title={`Move version ${version.number} of '${version.model_name}'`}
      confirmLabel={
        needsApproval
          ? `Request ${STAGE_STYLES[stage].label} (${approvalCount(preview.requiredApprovals)})`
          : `Move to ${STAGE_STYLES[stage].label}`
      }
      isBusy={change.isPending}
      isConfirmDisabled={held.isPending || requests.isPending || isSame}
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
