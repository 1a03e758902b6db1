import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { Stack } from "@/api/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActivateStack } from "@/features/stacks/api/activate-stack";
import { useDeleteStack } from "@/features/stacks/api/delete-stack";
import { errorMessage } from "@/lib/api-client";

export interface StackActionsProps {
  stack: Stack;
  isActive: boolean;
}

/** Set active, edit and delete: shown only to users who may change stacks. */
export function StackActions({ stack, isActive }: StackActionsProps) {
  const activate = useActivateStack();
  const remove = useDeleteStack();
  const navigate = useNavigate();
  const [isConfirming, setConfirming] = useState(false);
  const failure = activate.error ?? remove.error;
  return (
    <div className="section" style={{ alignItems: "flex-end" }}>
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={isActive || activate.isPending}
          onClick={() => activate.mutate(stack.id)}
          title="Runs use this stack unless HEADWATER_STACK or `headwater stack set` says otherwise"
        >
          {isActive ? "Active" : "Set active"}
        </button>
        <Link to="/stacks/$stackName/edit" params={{ stackName: stack.name }} className="button">
          Edit
        </Link>
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
      {failure ? (
        <div className="callout failed" role="alert">
          {errorMessage(failure)}
        </div>
      ) : null}
      {isConfirming ? (
        <ConfirmDialog
          title={`Delete stack '${stack.name}'?`}
          confirmLabel="Delete stack"
          isBusy={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(stack.id, {
              onSuccess: () => void navigate({ to: "/stacks" }),
              onSettled: () => setConfirming(false),
            })
          }
        >
          <p>Its components stay registered, and its runs keep their record of it.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
