import { useNavigate } from "@tanstack/react-router";
import type { ConnectorTypeDescription, ServiceConnector } from "@/api/types";
import { EmptyState } from "@/components/ui/states";
import { useUpdateConnector } from "@/features/stacks/api/update-connector";
import { type ConnectorEdit, ConnectorEditor } from "@/features/stacks/components/connector-editor";
import {
  initialConnectorData,
  setSecretNames,
  updateConnectorPayload,
} from "@/features/stacks/lib/connector-payload";

export interface EditConnectorProps {
  connector: ServiceConnector;
  kind: ConnectorTypeDescription | undefined;
  maySetSecrets: boolean;
}

/** A registered connector's form, prefilled but for its secrets. */
export function EditConnector({ connector, kind, maySetSecrets }: EditConnectorProps) {
  const update = useUpdateConnector();
  const navigate = useNavigate();
  if (!kind) {
    return (
      <EmptyState title={`The server does not know the connector type '${connector.type}'`}>
        Use <code>headwater connector</code> on a machine that knows it.
      </EmptyState>
    );
  }
  const save = ({ formData }: ConnectorEdit) =>
    update.mutate(
      {
        connectorId: connector.id,
        ...updateConnectorPayload(connector, formData, kind.secret_fields),
      },
      {
        onSuccess: (changed) =>
          void navigate({
            to: "/connectors/$connectorName",
            params: { connectorName: changed.name },
          }),
      },
    );
  return (
    <ConnectorEditor
      kind={kind}
      initialName={connector.name}
      isNameFixed
      initialData={initialConnectorData(connector)}
      setSecrets={setSecretNames(connector)}
      maySetSecrets={maySetSecrets}
      submitLabel="Save changes"
      isSaving={update.isPending}
      saveError={update.error}
      onSave={save}
    />
  );
}
