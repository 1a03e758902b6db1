import { useNavigate } from "@tanstack/react-router";
import type { FlavorDescription, StackComponent } from "@/api/types";
import { EmptyState } from "@/components/ui/states";
import { useUpdateComponent } from "@/features/stacks/api/update-component";
import { type ComponentEdit, ComponentEditor } from "@/features/stacks/components/component-editor";
import {
  initialFormData,
  splitFormData,
  updatePayload,
} from "@/features/stacks/lib/component-payload";

export interface EditComponentProps {
  component: StackComponent;
  flavor: FlavorDescription | undefined;
  maySetSecrets: boolean;
}

/** A registered component's form, prefilled but for its secrets. */
export function EditComponent({ component, flavor, maySetSecrets }: EditComponentProps) {
  const update = useUpdateComponent();
  const navigate = useNavigate();
  if (!flavor) {
    return (
      <EmptyState title={`The server does not know the flavor '${component.flavor}'`}>
        Register the flavor on the server (`HEADWATER_FLAVORS` or an entry point) to edit this
        component here, or use <code>headwater component update</code>.
      </EmptyState>
    );
  }
  const save = ({ name, formData }: ComponentEdit) => {
    const body = updatePayload(
      splitFormData(formData, flavor.secret_fields),
      component.secret_keys,
    );
    update.mutate(
      { componentId: component.id, ...(name !== component.name ? { name } : {}), ...body },
      {
        onSuccess: (changed) =>
          void navigate({
            to: "/components/$componentName",
            params: { componentName: changed.name },
            search: { type: changed.type },
          }),
      },
    );
  };
  return (
    <ComponentEditor
      flavor={flavor}
      initialName={component.name}
      initialData={initialFormData(component.settings, component.secret_keys)}
      setSecrets={component.secret_keys}
      maySetSecrets={maySetSecrets}
      submitLabel="Save changes"
      isSaving={update.isPending}
      saveError={update.error}
      onSave={save}
    />
  );
}
