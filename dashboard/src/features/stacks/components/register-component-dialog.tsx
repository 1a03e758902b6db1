import { useEffect, useId, useRef, useState } from "react";
import type { FlavorDescription, StackComponent, StackComponentType } from "@/api/types";
import { useCreateComponent } from "@/features/stacks/api/create-component";
import { type ComponentEdit, ComponentEditor } from "@/features/stacks/components/component-editor";
import { splitFormData } from "@/features/stacks/lib/component-payload";
import { COMPONENT_TYPES } from "@/features/stacks/lib/component-types";

export interface RegisterComponentDialogProps {
  type: StackComponentType;
  flavors: FlavorDescription[];
  onRegistered: (component: StackComponent) => void;
  onCancel: () => void;
}

/** Register a component of one type without leaving the stack form: flavor, then its
 * form; the new component is handed back once the component list has it. */
export function RegisterComponentDialog(props: RegisterComponentDialogProps) {
  const { type, flavors, onRegistered, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const create = useCreateComponent();
  const ofType = flavors.filter((f) => f.type === type);
  const [flavorName, setFlavorName] = useState(ofType.length === 1 ? ofType[0]?.name : undefined);
  const chosen = ofType.find((f) => f.name === flavorName);
  const label = COMPONENT_TYPES[type].label.toLowerCase();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const save = ({ name, formData }: ComponentEdit) => {
    if (!chosen) return;
    const payload = splitFormData(formData, chosen.secret_fields);
    create.mutate(
      { name, type, flavor: chosen.name, ...payload },
      { onSuccess: (made) => onRegistered(made) },
    );
  };
  return (
    <dialog
      ref={ref}
      className="dialog wide-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!create.isPending) onCancel();
      }}
    >
      <h2 id={titleId}>Register a new {label}</h2>
      <div className="section">
        <fieldset className="plain-fieldset">
          <legend>Flavor</legend>
          <div className="flavor-cards">
            {ofType.map((f) => (
              <button
                key={f.name}
                type="button"
                className="flavor-card"
                aria-pressed={f.name === flavorName}
                onClick={() => setFlavorName(f.name)}
              >
                <strong>{f.name}</strong>
                <span className="description">{f.description || "No description."}</span>
              </button>
            ))}
          </div>
        </fieldset>
        {chosen ? (
          <ComponentEditor
            key={chosen.name}
            flavor={chosen}
            initialName=""
            initialData={{}}
            setSecrets={[]}
            maySetSecrets
            submitLabel={`Register ${label}`}
            isSaving={create.isPending}
            saveError={create.error}
            onSave={save}
          />
        ) : (
          <p className="muted">Choose a flavor.</p>
        )}
      </div>
      <div className="row dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
