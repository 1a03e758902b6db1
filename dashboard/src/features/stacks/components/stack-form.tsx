import { type FormEvent, useState } from "react";
import type { FlavorDescription, StackComponent, StackComponentType } from "@/api/types";
import { ComponentTypeIcon } from "@/features/stacks/components/component-type-icon";
import { RegisterComponentDialog } from "@/features/stacks/components/register-component-dialog";
import { COMPONENT_TYPE_ORDER, COMPONENT_TYPES } from "@/features/stacks/lib/component-types";
import { type StackDraft, stackDraftProblems } from "@/features/stacks/lib/stack-draft";
import { errorMessage } from "@/lib/api-client";

export interface StackFormProps {
  initial: StackDraft;
  components: StackComponent[];
  flavors: FlavorDescription[];
  submitLabel: string;
  isSaving: boolean;
  saveError: unknown;
  onSave: (draft: StackDraft) => void;
}

function flavorText(flavors: FlavorDescription[], component: StackComponent | undefined): string {
  if (!component) return "";
  const flavor = flavors.find((f) => f.type === component.type && f.name === component.flavor);
  return flavor?.description ?? `Flavor '${component.flavor}' (not registered on the server).`;
}

/** Name a stack and pick one component per type; checked before it is sent. */
export function StackForm(props: StackFormProps) {
  const { components, flavors, submitLabel, isSaving, saveError, onSave } = props;
  const [draft, setDraft] = useState(props.initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [registering, setRegistering] = useState<StackComponentType | undefined>();
  const choose = (type: StackComponentType, id: string) =>
    setDraft((d) => ({ ...d, components: { ...d.components, [type]: id || undefined } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = stackDraftProblems(draft);
    setProblems(found);
    if (found.length === 0) onSave(draft);
  };
  return (
    <>
      <form className="form-grid" onSubmit={submit} noValidate aria-label="Stack">
        <div className="form-field">
          <label htmlFor="stack-name">
            Name
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          </label>
          <input
            id="stack-name"
            className="input"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            aria-invalid={problems.some((p) => p.includes("name")) || undefined}
          />
        </div>
        {COMPONENT_TYPE_ORDER.map((type) => {
          const info = COMPONENT_TYPES[type];
          const ofType = components.filter((c) => c.type === type);
          const chosen = ofType.find((c) => c.id === draft.components[type]);
          const id = `stack-${type}`;
          return (
            <div key={type} className="type-slot">
              <ComponentTypeIcon type={type} size="large" />
              <div className="form-field">
                <label htmlFor={id}>
                  {info.label}
                  {info.isRequired ? (
                    <span className="required-mark" aria-hidden="true">
                      *
                    </span>
                  ) : null}
                </label>
                <select
                  id={id}
                  className="select"
                  value={draft.components[type] ?? ""}
                  onChange={(e) => choose(type, e.target.value)}
                >
                  <option value="">{info.isRequired ? "Choose one…" : "None"}</option>
                  {ofType.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.flavor})
                    </option>
                  ))}
                </select>
                <span className="help">
                  {chosen ? flavorText(flavors, chosen) : info.purpose}{" "}
                  <button
                    type="button"
                    className="inline-link"
                    onClick={() => setRegistering(type)}
                  >
                    Register a new {info.label.toLowerCase()}
                  </button>
                </span>
              </div>
            </div>
          );
        })}
        {problems.length > 0 ? (
          <div className="callout failed" role="alert">
            <ul className="dialog-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {saveError ? (
          <div className="callout failed" role="alert">
            {errorMessage(saveError)}
          </div>
        ) : null}
        <div className="row">
          <button type="submit" className="button primary" disabled={isSaving}>
            {submitLabel}
          </button>
        </div>
      </form>
      {registering ? (
        <RegisterComponentDialog
          type={registering}
          flavors={flavors}
          onCancel={() => setRegistering(undefined)}
          onRegistered={(made) => {
            choose(made.type, made.id);
            setRegistering(undefined);
          }}
        />
      ) : null}
    </>
  );
}
