import { Link, useNavigate } from "@tanstack/react-router";
import type { ServiceConnector, StackComponent } from "@/api/types";
import { useDeleteConnector } from "@/features/stacks/api/delete-connector";
import { EditAndDelete } from "@/features/stacks/components/edit-and-delete";

export interface ConnectorActionsProps {
  connector: ServiceConnector;
  usedBy: StackComponent[];
}

/** Edit and delete; deleting a connector in use is refused, naming the components. */
export function ConnectorActions({ connector, usedBy }: ConnectorActionsProps) {
  const remove = useDeleteConnector();
  const navigate = useNavigate();
  return (
    <EditAndDelete
      edit={
        <Link
          to="/connectors/$connectorName/edit"
          params={{ connectorName: connector.name }}
          className="button"
        >
          Edit
        </Link>
      }
      name={connector.name}
      noun="connector"
      consequence={
        usedBy.length > 0
          ? `Components name it (${usedBy.map((c) => c.name).join(", ")}): the server will refuse until they no longer do.`
          : "No component names it. Its settings and secrets are removed."
      }
      isDeleting={remove.isPending}
      deleteError={remove.error}
      onDelete={(settled) =>
        remove.mutate(connector.id, {
          onSuccess: () => void navigate({ to: "/connectors" }),
          onSettled: settled,
        })
      }
    />
  );
}
