import Form from "@rjsf/core";
import { type FormEvent, useMemo, useRef, useState } from "react";
import type { ConnectorTypeDescription } from "@/api/types";
import { FORM_BUTTONS } from "@/features/stacks/components/form-buttons";
import { connectorFormSchema, connectorUiSchema } from "@/features/stacks/lib/connector-schema";
import { formValidator, mayCompileValidators } from "@/features/stacks/lib/form-validator";
import { transformErrors } from "@/features/stacks/lib/validation-messages";
import { errorMessage } from "@/lib/api-client";
import "@/features/stacks/components/stacks.css";

export interface ConnectorEdit {
  name: string;
  formData: Record<string, unknown>;
}

export interface ConnectorEditorProps {
  kind: ConnectorTypeDescription;
  initialName: string;
  /** A registered connector keeps its name (components name it). */
  isNameFixed: boolean;
  initialData: Record<string, unknown>;
  /** Secrets the connector already has (shown as set, never prefilled). */
  setSecrets: readonly string[];
  maySetSecrets: boolean;
  submitLabel: string;
  isSaving: boolean;
  saveError: unknown;
  onSave: (edit: ConnectorEdit) => void;
}

/** A connector's name and the form its type's JSON Schema makes, with the component
 * form's rjsf setup (ajv where the page may compile it, the server's word otherwise). */
export function ConnectorEditor(props: ConnectorEditorProps) {
  const { kind, setSecrets, maySetSecrets, isSaving, saveError, onSave } = props;
  const schema = useMemo(() => connectorFormSchema(kind, setSecrets), [kind, setSecrets]);
  const uiSchema = useMemo(
    () => connectorUiSchema(kind, { setSecrets, maySetSecrets }),
    [kind, setSecrets, maySetSecrets],
  );
  const [name, setName] = useState(props.initialName);
  const [nameProblem, setNameProblem] = useState("");
  const [formData, setFormData] = useState(props.initialData);
  const form = useRef<Form>(null);
  const [isValidatedHere] = useState(mayCompileValidators);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = name.trim() === "" ? "is required" : "";
    setNameProblem(problem);
    const isValid = !isValidatedHere || (form.current?.validateForm() ?? true);
    if (!problem && isValid) onSave({ name: name.trim(), formData });
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Connector">
      <div className="form-field">
        <label htmlFor="connector-name">
          Name
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        </label>
        <input
          id="connector-name"
          className="input"
          value={name}
          disabled={props.isNameFixed}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={nameProblem ? "connector-name-error" : "connector-name-help"}
        />
        {nameProblem ? (
          <span id="connector-name-error" className="field-error">
            {nameProblem}
          </span>
        ) : (
          <span id="connector-name-help" className="help">
            {props.isNameFixed
              ? "Components name it, so it keeps its name."
              : "What components' `connector` setting names."}
          </span>
        )}
      </div>
      <div className="section">
        <h3>Settings of type '{kind.type}'</h3>
        <Form
          ref={form}
          tagName="div"
          className="settings-form"
          schema={schema}
          uiSchema={uiSchema}
          formData={formData}
          validator={formValidator}
          transformErrors={transformErrors}
          onChange={(event) => setFormData((event.formData ?? {}) as Record<string, unknown>)}
          showErrorList="bottom"
          noHtml5Validate
          noValidate={!isValidatedHere}
          liveValidate={isValidatedHere ? "onBlur" : undefined}
          templates={{ ButtonTemplates: FORM_BUTTONS }}
        />
      </div>
      {saveError ? (
        <div className="callout failed" role="alert">
          <strong>The server refused: </strong>
          {errorMessage(saveError)}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="button primary" disabled={isSaving}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
