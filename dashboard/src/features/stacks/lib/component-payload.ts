/**
 * What the component form sends: plain settings apart from secrets. A secret left empty
 * keeps its stored value (it is never sent back, and never prefilled).
 */

export const SECRET_MASK = "****";

export interface ComponentPayload {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** The form's values split into settings and the secrets the user typed. */
export function splitFormData(
  formData: Record<string, unknown>,
  secretFields: readonly string[],
): ComponentPayload {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(formData)) {
    if (value === undefined) continue;
    if (!secretFields.includes(key)) settings[key] = value;
    else if (typeof value === "string" && value !== "") secrets[key] = value;
  }
  return { settings, secrets };
}

/** The PATCH body of an edit: settings whole; secrets only when one was typed, the
 * others sent as the mask so the server keeps them. */
export function updatePayload(
  payload: ComponentPayload,
  setSecrets: readonly string[],
): { settings: Record<string, unknown>; secrets?: Record<string, string> } {
  if (Object.keys(payload.secrets).length === 0) return { settings: payload.settings };
  const kept = Object.fromEntries(setSecrets.map((name) => [name, SECRET_MASK]));
  return { settings: payload.settings, secrets: { ...kept, ...payload.secrets } };
}

/** A stored component's settings as the form's starting values: secrets left out. */
export function initialFormData(
  settings: Record<string, unknown>,
  secretKeys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !secretKeys.includes(key)));
}
