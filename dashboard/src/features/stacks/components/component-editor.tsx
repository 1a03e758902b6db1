import Form from "@rjsf/core";
import { type FormEvent, useMemo, useRef, useState } from "react";
import type { FlavorDescription } from "@/api/types";
import { ConnectorSelectWidget } from "@/features/stacks/components/connector-select-widget";
import { FORM_BUTTONS } from "@/features/stacks/components/form-buttons";
import {
  CONNECTOR_WIDGET,
  formSchema,
  formUiSchema,
  hasSettings,
  withConnectorChoice,
} from "@/features/stacks/lib/flavor-schema";
import { formValidator, mayCompileValidators } from "@/features/stacks/lib/form-validator";
import { transformErrors } from "@/features/stacks/lib/validation-messages";
import { errorMessage } from "@/lib/api-client";
import "@/features/stacks/components/stacks.css";

const WIDGETS = { [CONNECTOR_WIDGET]: ConnectorSelectWidget };

export interface ComponentEdit {
  name: string;
  formData: Record<string, unknown>;
}

export interface ComponentEditorProps {
  flavor: FlavorDescription;
  initialName: string;
  initialData: Record<string, unknown>;
  /** Secrets the component already has (shown as set, never prefilled). */
  setSecrets: readonly string[];
  maySetSecrets: boolean;
  submitLabel: string;
  isSaving: boolean;
  saveError: unknown;
  onSave: (edit: ComponentEdit) => void;
}

/** A component's name and the form its flavor's JSON Schema makes, validated by ajv in
 * the browser and again by the server, which says the same about the same mistake. */
export function ComponentEditor(props: ComponentEditorProps) {
  const { flavor, setSecrets, maySetSecrets, isSaving, saveError, onSave } = props;
  const schema = useMemo(() => formSchema(flavor.settings_schema), [flavor]);
  const uiSchema = useMemo(
    () =>
      withConnectorChoice(
        schema,
        formUiSchema(flavor.secret_fields, { setSecrets, maySetSecrets }),
      ),
    [schema, flavor, setSecrets, maySetSecrets],
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
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Component">
      <div className="form-field">
        <label htmlFor="component-name">
          Name
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        </label>
        <input
          id="component-name"
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={nameProblem ? "component-name-error" : undefined}
        />
        {nameProblem ? (
          <span id="component-name-error" className="field-error">
            {nameProblem}
          </span>
        ) : null}
      </div>
      <div className="section">
        <h3>Settings of flavor '{flavor.name}'</h3>
        {hasSettings(schema) ? (
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
            widgets={WIDGETS}
          />
        ) : (
          <p className="muted">This flavor takes no settings.</p>
        )}
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
