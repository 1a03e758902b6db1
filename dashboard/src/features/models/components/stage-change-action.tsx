import { useState } from "react";
import { StageChangeDialog } from "@/features/models/components/stage-change-dialog";
import type { Model, ModelVersion } from "@/features/models/lib/model-types";
import { mayWrite, useCurrentUser } from "@/lib/current-user";

export interface StageChangeActionProps {
  version: ModelVersion;
  /** The version's model: its promotion rules and approval policies. */
  model: Model;
}

/** "Promote or demote…" for roles that may, and why not for the others. */
export function StageChangeAction({ version, model }: StageChangeActionProps) {
  const me = useCurrentUser();
  const [isOpen, setOpen] = useState(false);
  if (!me.data) return null;
  if (!mayWrite(me.data.role)) {
    return (
      <span className="muted" role="note">
        Your role ({me.data.role}) may look at model versions but not change their stage; ask a
        member or an admin to promote.
      </span>
    );
  }
  return (
    <>
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        Promote or demote…
      </button>
      {isOpen ? (
        <StageChangeDialog
          version={version}
          rules={model.promotion_rules}
          policies={model.approval_policies}
          userName={me.data.name}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
