import { Link, useNavigate } from "@tanstack/react-router";
import type { Stack, StackComponent } from "@/api/types";
import { useDeleteComponent } from "@/features/stacks/api/delete-component";
import { EditAndDelete } from "@/features/stacks/components/edit-and-delete";

export interface ComponentActionsProps {
  component: StackComponent;
  usedBy: Stack[];
}

/** Edit and delete; deleting a component in use is refused, naming the stacks. */
export function ComponentActions({ component, usedBy }: ComponentActionsProps) {
  const remove = useDeleteComponent();
  const navigate = useNavigate();
  return (
    <EditAndDelete
      edit={
        <Link
          to="/components/$componentName/edit"
          params={{ componentName: component.name }}
          search={{ type: component.type }}
          className="button"
        >
          Edit
        </Link>
      }
      name={component.name}
      noun="component"
      consequence={
        usedBy.length > 0
          ? `Stacks use it (${usedBy.map((s) => s.name).join(", ")}): the server will refuse until they no longer do.`
          : "No stack uses it. Its settings and secrets are removed."
      }
      isDeleting={remove.isPending}
      deleteError={remove.error}
      onDelete={(settled) =>
        remove.mutate(component.id, {
          onSuccess: () => void navigate({ to: "/components" }),
          onSettled: settled,
        })
      }
    />
  );
}
