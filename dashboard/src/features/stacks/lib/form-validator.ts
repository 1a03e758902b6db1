/**
 * The browser's JSON Schema validator for component forms: ajv in the 2020-12 dialect that
 * pydantic emits, through rjsf's ajv8 adapter.
 */
import type { RJSFSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";
import { transformErrors } from "@/features/stacks/lib/validation-messages";

/**
 * Whether this page may compile validators: ajv compiles each schema to a function, which
 * the server's Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') forbids in
 * the served dashboard. There the form leaves validation to the server, whose message
 * (in the same words, see validation-messages.ts) is shown above the submit button.
 */
export function mayCompileValidators(): boolean {
  try {
    return new Function("return true")() === true;
  } catch {
    return false;
  }
}

export const formValidator = customizeValidator({
  AjvClass: Ajv2020,
  // pydantic marks secrets `format: password`, a hint for forms, not a constraint.
  customFormats: { password: () => true },
});

/** What the form shows for `settings`: each bad setting's dotted path and message. */
export function validationMessages(
  settings: Record<string, unknown>,
  schema: RJSFSchema,
): { path: string; message: string }[] {
  const { errors } = formValidator.validateFormData(settings, schema, undefined, transformErrors);
  return errors.map((error) => ({
    path: (error.property ?? "").replace(/^\./, ""),
    message: error.message ?? "",
  }));
}
