import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { ServiceConnector, StackComponent } from "@/api/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteConnector } from "@/features/stacks/api/delete-connector";
import { errorMessage } from "@/lib/api-client";

export interface ConnectorActionsProps {
  connector: ServiceConnector;
  usedBy: StackComponent[];
}

/** Edit and delete; deleting a connector in use is refused, naming the components. */
export function ConnectorActions({ connector, usedBy }: ConnectorActionsProps) {
  const remove = useDeleteConnector();
  const navigate = useNavigate();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <div className="section" style={{ alignItems: "flex-end" }}>
      <div className="row">
        <Link
          to="/connectors/$connectorName/edit"
          params={{ connectorName: connector.name }}
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
          title={`Delete '${connector.name}'?`}
          confirmLabel="Delete connector"
          isBusy={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(connector.id, {
              onSuccess: () => void navigate({ to: "/connectors" }),
              onSettled: () => setConfirming(false),
            })
          }
        >
          <p>
            {usedBy.length > 0
              ? `Components name it (${usedBy.map((c) => c.name).join(", ")}): the server will refuse until they no longer do.`
              : "No component names it. Its settings and secrets are removed."}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
