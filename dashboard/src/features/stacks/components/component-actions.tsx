import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { Stack, StackComponent } from "@/api/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteComponent } from "@/features/stacks/api/delete-component";
import { errorMessage } from "@/lib/api-client";

export interface ComponentActionsProps {
  component: StackComponent;
  usedBy: Stack[];
}

/** Edit and delete; deleting a component in use is refused, naming the stacks. */
export function ComponentActions({ component, usedBy }: ComponentActionsProps) {
  const remove = useDeleteComponent();
  const navigate = useNavigate();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <div className="section" style={{ alignItems: "flex-end" }}>
      <div className="row">
        <Link
          to="/components/$componentName/edit"
          params={{ componentName: component.name }}
          search={{ type: component.type }}
          className="button"
        >
          Edit
        </Link>
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
      {remove.error ? (
        <div className="callout failed" role="alert" style={{ maxWidth: 520 }}>
          {errorMessage(remove.error)}
        </div>
      ) : null}
      {isConfirming ? (
        <ConfirmDialog
          title={`Delete '${component.name}'?`}
          confirmLabel="Delete component"
          isBusy={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(component.id, {
              onSuccess: () => void navigate({ to: "/components" }),
              onSettled: () => setConfirming(false),
            })
          }
        >
          <p>
            {usedBy.length > 0
              ? `Stacks use it (${usedBy.map((s) => s.name).join(", ")}): the server will refuse until they no longer do.`
              : "No stack uses it. Its settings and secrets are removed."}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
