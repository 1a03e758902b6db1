import { useState } from "react";
import { useSetApprovalPolicy } from "@/features/models/api/set-approval-policy";
import { StageBadge } from "@/features/models/components/stage-badge";
import {
  approvalCount,
  approvalsFor,
  PROTECTED_STAGES,
  type ProtectedStage,
} from "@/features/models/lib/approval-policy";
import type { Model } from "@/features/models/lib/model-types";
import { errorMessage } from "@/lib/api-client";

// The server's bound (MAX_APPROVALS).
const MAX_APPROVALS = 20;

export interface ApprovalPoliciesProps {
  model: Model;
  /** The caller may update the model (and so its policies). */
  mayEdit: boolean;
}

interface PolicyRowProps {
  model: Model;
  stage: ProtectedStage;
  mayEdit: boolean;
}

function PolicyRow({ model, stage, mayEdit }: PolicyRowProps) {
  const current = approvalsFor(model.approval_policies, stage);
  const [draft, setDraft] = useState(String(current));
  const save = useSetApprovalPolicy();
  const value = Number(draft);
  const isValid = Number.isInteger(value) && value >= 0 && value <= MAX_APPROVALS;
  return (
    <li>
      <div className="policy-row">
        <StageBadge stage={stage} />
        <span>{current > 0 ? `needs ${approvalCount(current)}` : "applies at once"}</span>
      </div>
      {mayEdit ? (
        <div className="policy-row">
          <input
            className="input"
            type="number"
            min={0}
            max={MAX_APPROVALS}
            aria-label={`Approvals ${stage} needs`}
            aria-invalid={!isValid}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button
            type="button"
            className="button small"
            disabled={!isValid || value === current || save.isPending}
            onClick={() => save.mutate({ modelId: model.id, stage, requiredApprovals: value })}
          >
            Save
          </button>
        </div>
      ) : null}
      {save.isError ? (
        <div role="alert" className="callout failed">
          {errorMessage(save.error)}
        </div>
      ) : null}
    </li>
  );
}

/** How many approvals moving a version into (or out of) each protected stage needs;
 * editable by roles that may update the model. */
export function ApprovalPolicies({ model, mayEdit }: ApprovalPoliciesProps) {
  return (
    <ul className="lineage-list" aria-label="Approval policy">
      {PROTECTED_STAGES.map((stage) => (
        // Keyed by the saved count, so a saved edit resets the draft.
        <PolicyRow
          key={`${stage}-${approvalsFor(model.approval_policies, stage)}`}
          model={model}
          stage={stage}
          mayEdit={mayEdit}
        />
      ))}
      <li className="muted">
        Approvers are users who may promote (model_version:promote), never the requester. 0: no
        policy, changes apply at once.
      </li>
    </ul>
  );
}
