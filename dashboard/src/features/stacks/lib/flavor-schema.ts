/**
 * From a flavor's settings JSON Schema (as pydantic emits it) to what the component form
 * renders: the schema with optional values as plain fields (an `anyOf` with a `null`
 * branch becomes its other branch), unions as a named choice of branches, and a uiSchema
 * that turns secrets into password inputs that are never prefilled.
 */
import type { RJSFSchema, UiSchema } from "@rjsf/utils";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNullBranch(branch: unknown): boolean {
  return isObject(branch) && branch.type === "null";
}

/** A readable name for a union's branch: its title, its definition's name or its type. */
export function branchTitle(branch: Json): string {
  if (typeof branch.title === "string") return branch.title;
  if (typeof branch.$ref === "string") return branch.$ref.split("/").pop() ?? "Option";
  if (typeof branch.type === "string") return branch.type === "integer" ? "number" : branch.type;
  return "Option";
}

function simplifyUnion(node: Json, branches: unknown[]): Json {
  const { anyOf: _dropped, ...rest } = node;
  const kept = branches.filter((b) => !isNullBranch(b)).map((b) => simplify(b) as Json);
  const isOptional = kept.length < branches.length;
  if (isOptional && rest.default === null) delete rest.default;
  const [only] = kept;
  if (kept.length === 1 && only) return { ...only, ...rest };
  return { ...rest, anyOf: kept.map((b) => ({ title: branchTitle(b), ...b })) };
}

function simplify(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(simplify);
  if (!isObject(value)) return value;
  const node: Json = {};
  for (const [key, child] of Object.entries(value)) {
    node[key] = key === "anyOf" ? child : simplify(child);
  }
  return Array.isArray(node.anyOf) ? simplifyUnion(node, node.anyOf) : node;
}

/** A list's items inlined from their definition, without the definition's own title and
 * description: each item is one control under the list's label, not a titled field. */
function inlineItems(node: Json, definitions: Json): Json {
  const items = node.items;
  if (!isObject(items) || typeof items.$ref !== "string") return node;
  const found = definitions[items.$ref.replace("#/$defs/", "")];
  if (!isObject(found)) return node;
  const { title: _title, description: _description, ...plain } = found;
  return { ...node, items: plain };
}

/** The schema the form draws and validates: optionals collapsed, list items untitled,
 * the root untitled (the page names the flavor itself). */
export function formSchema(settingsSchema: Json): RJSFSchema {
  const { title: _title, description: _description, ...root } = simplify(settingsSchema) as Json;
  const definitions = isObject(root.$defs) ? root.$defs : {};
  if (isObject(root.properties)) {
    root.properties = Object.fromEntries(
      Object.entries(root.properties).map(([key, value]) => [
        key,
        isObject(value) ? inlineItems(value, definitions) : value,
      ]),
    );
  }
  return root as RJSFSchema;
}

export interface SecretState {
  /** Secrets the component already has (their values never reach the browser). */
  setSecrets: readonly string[];
  /** Whether the user may change a secret (`secret:update`; anyone when registering). */
  maySetSecrets: boolean;
}

function secretPlaceholder(isSet: boolean, maySet: boolean): string {
  if (!isSet) return "Not set";
  return maySet ? "Set: type a new value to replace it" : "Set";
}

/** Password inputs for secrets, never prefilled; disabled without `secret:update`. */
export function formUiSchema(secretFields: readonly string[], state: SecretState): UiSchema {
  const ui: UiSchema = { "ui:submitButtonOptions": { norender: true } };
  for (const name of secretFields) {
    const isSet = state.setSecrets.includes(name);
    ui[name] = {
      "ui:widget": "password",
      "ui:autocomplete": "new-password",
      "ui:placeholder": secretPlaceholder(isSet, state.maySetSecrets),
      "ui:disabled": !state.maySetSecrets,
      "ui:help": state.maySetSecrets
        ? "A secret: stored apart, never shown again."
        : "Changing a secret needs the permission 'secret:update'.",
    };
  }
  return ui;
}

/** Whether the flavor takes any settings at all. */
export function hasSettings(schema: RJSFSchema): boolean {
  return isObject(schema.properties) && Object.keys(schema.properties).length > 0;
}

/** The name of the widget that picks a registered service connector. */
export const CONNECTOR_WIDGET = "ConnectorSelect";

/** A `connector` setting becomes a choice of the registered connectors, not free text. */
export function withConnectorChoice(schema: RJSFSchema, ui: UiSchema): UiSchema {
  if (!isObject(schema.properties) || !("connector" in schema.properties)) return ui;
  const current = isObject(ui.connector) ? ui.connector : {};
  return { ...ui, connector: { ...current, "ui:widget": CONNECTOR_WIDGET } };
}
