/**
 * What the connector form sends. Like a component's, secrets travel apart from plain
 * settings and an empty secret keeps its stored value. A `generic` connector is all
 * secrets: key/values the server stores as `values.<key>`, each shown only as set.
 */
import type { ServiceConnector, ServiceConnectorType } from "@/api/types";
import {
  type ComponentPayload,
  initialFormData,
  SECRET_MASK,
  splitFormData,
  updatePayload,
} from "@/features/stacks/lib/component-payload";

const GENERIC_PREFIX = "values.";

function typedValues(formData: Record<string, unknown>): Record<string, string> {
  const values = formData.values;
  if (typeof values !== "object" || values === null) return {};
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => {
      const [key, value] = entry;
      return key.trim() !== "" && typeof value === "string";
    }),
  );
}

/** The secrets of a connector that hold a value. */
export function setSecretNames(connector: ServiceConnector): string[] {
  return Object.entries(connector.secrets)
    .filter(([, state]) => state === "set")
    .map(([name]) => name);
}

/** The keys of a generic connector's values. */
export function genericKeys(connector: ServiceConnector): string[] {
  return setSecretNames(connector)
    .filter((name) => name.startsWith(GENERIC_PREFIX))
    .map((name) => name.slice(GENERIC_PREFIX.length));
}

/** The body of a new connector. */
export function createConnectorPayload(
  type: ServiceConnectorType,
  formData: Record<string, unknown>,
  secretFields: readonly string[],
): ComponentPayload {
  if (type !== "generic") return splitFormData(formData, secretFields);
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(typedValues(formData))) {
    if (value !== "") secrets[`${GENERIC_PREFIX}${key}`] = value;
  }
  return { settings: {}, secrets };
}

/** The PATCH body of an edit: a typed secret replaces its value, an empty one keeps it
 * (sent as the mask); a generic key left out of the form is removed. */
export function updateConnectorPayload(
  connector: ServiceConnector,
  formData: Record<string, unknown>,
  secretFields: readonly string[],
): { settings: Record<string, unknown>; secrets?: Record<string, string> } {
  if (connector.type !== "generic") {
    return updatePayload(splitFormData(formData, secretFields), setSecretNames(connector));
  }
  const known = new Set(genericKeys(connector));
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(typedValues(formData))) {
    if (value !== "") secrets[`${GENERIC_PREFIX}${key}`] = value;
    else if (known.has(key)) secrets[`${GENERIC_PREFIX}${key}`] = SECRET_MASK;
  }
  return { settings: {}, secrets };
}

/** A stored connector as the form's starting values: plain settings, and a generic
 * connector's keys with empty values (their values never reach the browser). */
export function initialConnectorData(connector: ServiceConnector): Record<string, unknown> {
  if (connector.type !== "generic") {
    return initialFormData(connector.settings, setSecretNames(connector));
  }
  return { values: Object.fromEntries(genericKeys(connector).map((key) => [key, ""])) };
}
