import type { FlavorDescription, StackComponentType } from "@/api/types";
import { ComponentTypeIcon } from "@/features/stacks/components/component-type-icon";
import { COMPONENT_TYPE_ORDER, COMPONENT_TYPES } from "@/features/stacks/lib/component-types";

export interface FlavorPickerProps {
  flavors: FlavorDescription[];
  type: StackComponentType | undefined;
  flavor: string | undefined;
  onTypeChange: (type: StackComponentType) => void;
  onFlavorChange: (flavor: string) => void;
}

/** Choose a component type, then one of its flavors (cards with their descriptions). */
export function FlavorPicker(props: FlavorPickerProps) {
  const { flavors, type, flavor, onTypeChange, onFlavorChange } = props;
  const ofType = flavors.filter((f) => f.type === type);
  return (
    <div className="section" style={{ gap: 14 }}>
      <fieldset className="section plain-fieldset">
        <legend>
          <h3>1. Type</h3>
        </legend>
        <div className="flavor-cards">
          {COMPONENT_TYPE_ORDER.map((t) => {
            const count = flavors.filter((f) => f.type === t).length;
            return (
              <button
                key={t}
                type="button"
                className="flavor-card"
                aria-pressed={t === type}
                disabled={count === 0}
                onClick={() => onTypeChange(t)}
                style={count === 0 ? { opacity: 0.5, cursor: "default" } : undefined}
              >
                <span className="row">
                  <ComponentTypeIcon type={t} />
                  <strong>{COMPONENT_TYPES[t].label}</strong>
                </span>
                <span className="description">
                  {count === 0 ? "No flavor registered on the server" : COMPONENT_TYPES[t].purpose}
                </span>
              </button>
            );
          })}
        </div>
      </fieldset>
      {type ? (
        <fieldset className="section plain-fieldset">
          <legend>
            <h3>2. Flavor</h3>
          </legend>
          <div className="flavor-cards">
            {ofType.map((f) => (
              <button
                key={f.name}
                type="button"
                className="flavor-card"
                aria-pressed={f.name === flavor}
                onClick={() => onFlavorChange(f.name)}
              >
                <strong>{f.name}</strong>
                <span className="description">{f.description || "No description."}</span>
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
