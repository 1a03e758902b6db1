import type { ConnectorTypeDescription, ServiceConnectorType } from "@/api/types";
import { ConnectorTypeIcon } from "@/features/stacks/components/connector-type-icon";
import { CONNECTOR_TYPES } from "@/features/stacks/lib/connector-types";

export interface ConnectorTypePickerProps {
  kinds: ConnectorTypeDescription[];
  type: ServiceConnectorType | undefined;
  onChange: (type: ServiceConnectorType) => void;
}

/** Choose a connector type: cards with what each reaches. */
export function ConnectorTypePicker({ kinds, type, onChange }: ConnectorTypePickerProps) {
  return (
    <fieldset className="section plain-fieldset">
      <legend>
        <h3>1. Type</h3>
      </legend>
      <div className="flavor-cards">
        {kinds.map((kind) => (
          <button
            key={kind.type}
            type="button"
            className="flavor-card"
            aria-pressed={kind.type === type}
            onClick={() => onChange(kind.type)}
          >
            <span className="row">
              <ConnectorTypeIcon type={kind.type} />
              <strong>{CONNECTOR_TYPES[kind.type].label}</strong>
            </span>
            <span className="description">{kind.description}</span>
            {kind.protocols.length > 0 ? (
              <span className="description faint">
                For {kind.protocols.map((p) => `${p}://`).join(", ")}
              </span>
            ) : null}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
