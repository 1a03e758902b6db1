/**
 * The browser's validation messages, in the words the server uses for the same mistake.
 *
 * Both sides speak ajv's English: the server translates pydantic's errors into it
 * (headwater/stacks/settings.py), so "must be <= 60" or `must match pattern "…"` reads the
 * same under the field as in the server's 400. The one exception is a missing value,
 * which both call "is required".
 */
import type { RJSFValidationError } from "@rjsf/utils";

/** ajv's errors as the form shows them. */
export function transformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors
    .filter((error) => error.name !== "if")
    .map((error) => {
      if (error.name !== "required") return error;
      const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
      return { ...error, message: "is required", stack: `'${missing}' is required` };
    });
}
