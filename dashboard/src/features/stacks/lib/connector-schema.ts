/**
 * From a connector type's settings JSON Schema to its form: the component form's schema
 * handling, secrets as password inputs never prefilled, a secret that is already set no
 * longer required (left empty, it keeps its value), and a generic connector's values as
 * key/value rows whose values are passwords.
 */
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import type { ConnectorTypeDescription } from "@/api/types";
import { formSchema, formUiSchema, type SecretState } from "@/features/stacks/lib/flavor-schema";

/** The schema the connector form draws and validates. */
export function connectorFormSchema(
  kind: ConnectorTypeDescription,
  setSecrets: readonly string[],
): RJSFSchema {
  const schema = formSchema(kind.settings_schema);
  if (!Array.isArray(schema.required)) return schema;
  return { ...schema, required: schema.required.filter((name) => !setSecrets.includes(name)) };
}

/** Password inputs for every secret, a generic connector's values included. */
export function connectorUiSchema(kind: ConnectorTypeDescription, state: SecretState): UiSchema {
  if (kind.type !== "generic") return formUiSchema(kind.secret_fields, state);
  return {
    "ui:submitButtonOptions": { norender: true },
    values: {
      "ui:help":
        "Each value is a secret: stored apart, never shown again. Left empty on an edit, a " +
        "value keeps what it was.",
      additionalProperties: {
        "ui:widget": "password",
        "ui:autocomplete": "new-password",
        "ui:placeholder": "Not shown: type a value",
        "ui:disabled": !state.maySetSecrets,
      },
    },
  };
}
