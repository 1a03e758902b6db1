import { useNavigate } from "@tanstack/react-router";
import type { ServiceConnectorType } from "@/api/types";
import { QueryView } from "@/components/ui/query-view";
import { useCreateConnector } from "@/features/stacks/api/create-connector";
import { useConnectorTypes } from "@/features/stacks/api/list-connector-types";
import { type ConnectorEdit, ConnectorEditor } from "@/features/stacks/components/connector-editor";
import { ConnectorTypePicker } from "@/features/stacks/components/connector-type-picker";
import { createConnectorPayload } from "@/features/stacks/lib/connector-payload";

export interface RegisterConnectorProps {
  type: ServiceConnectorType | undefined;
  onChoose: (type: ServiceConnectorType) => void;
}

/** Type, then the type's form; the choice lives in the URL. */
export function RegisterConnector({ type, onChoose }: RegisterConnectorProps) {
  const kinds = useConnectorTypes();
  const create = useCreateConnector();
  const navigate = useNavigate();
  return (
    <QueryView
      query={kinds}
      loadingLabel="Loading the connector types…"
      errorTitle="Could not load the connector types"
    >
      {(all) => {
        const chosen = all.find((k) => k.type === type);
        const save = ({ name, formData }: ConnectorEdit) => {
          if (!chosen) return;
          const payload = createConnectorPayload(chosen.type, formData, chosen.secret_fields);
          create.mutate(
            { name, type: chosen.type, ...payload },
            {
              onSuccess: (made) =>
                void navigate({
                  to: "/connectors/$connectorName",
                  params: { connectorName: made.name },
                }),
            },
          );
        };
        return (
          <div className="section" style={{ gap: 20 }}>
            <ConnectorTypePicker kinds={all} type={type} onChange={onChoose} />
            {chosen ? (
              <div className="section">
                <h3>2. Name and settings</h3>
                <ConnectorEditor
                  key={chosen.type}
                  kind={chosen}
                  initialName=""
                  isNameFixed={false}
                  initialData={{}}
                  setSecrets={[]}
                  maySetSecrets
                  submitLabel="Register connector"
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
