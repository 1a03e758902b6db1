import { useNavigate } from "@tanstack/react-router";
import type { StackComponentType } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { useCreateComponent } from "@/features/stacks/api/create-component";
import { useFlavors } from "@/features/stacks/api/list-flavors";
import { type ComponentEdit, ComponentEditor } from "@/features/stacks/components/component-editor";
import { FlavorPicker } from "@/features/stacks/components/flavor-picker";
import { splitFormData } from "@/features/stacks/lib/component-payload";

export interface RegisterComponentProps {
  type: StackComponentType | undefined;
  flavor: string | undefined;
  onChoose: (choice: { type?: StackComponentType; flavor?: string }) => void;
}

/** Type, then flavor, then the flavor's form; the choices live in the URL. */
export function RegisterComponent({ type, flavor, onChoose }: RegisterComponentProps) {
  const flavors = useFlavors();
  const create = useCreateComponent();
  const navigate = useNavigate();
  return (
    <QueryView
      query={flavors}
      loadingLabel="Loading the flavors…"
      errorTitle="Could not load the flavors"
    >
      {(all) => {
        const chosen = all.find((f) => f.type === type && f.name === flavor);
        const save = ({ name, formData }: ComponentEdit) => {
          if (!chosen) return;
          const payload = splitFormData(formData, chosen.secret_fields);
          create.mutate(
            { name, type: chosen.type, flavor: chosen.name, ...payload },
            {
              onSuccess: (made) =>
                void navigate({
                  to: "/components/$componentName",
                  params: { componentName: made.name },
                  search: { type: made.type },
                }),
            },
          );
        };
        return (
          <div className="section" style={{ gap: 20 }}>
            <FlavorPicker
              flavors={all}
              type={type}
              flavor={flavor}
              onTypeChange={(t) => onChoose({ type: t })}
              onFlavorChange={(f) => onChoose({ type, flavor: f })}
            />
            {chosen ? (
              <div className="section">
                <h3>3. Name and settings</h3>
                <ComponentEditor
                  key={`${chosen.type}/${chosen.name}`}
                  flavor={chosen}
                  initialName=""
                  initialData={{}}
                  setSecrets={[]}
                  maySetSecrets
                  submitLabel="Register component"
                  isSaving={create.isPending}
                  saveError={create.error}
                  onSave={save}
                />
              </div>
            ) : null}
          </div>
        );
      }}
    </QueryView>
  );
}
