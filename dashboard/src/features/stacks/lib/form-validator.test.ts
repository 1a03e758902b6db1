import { describe, expect, it } from "vitest";
import { formSchema } from "@/features/stacks/lib/flavor-schema";
import { validationMessages } from "@/features/stacks/lib/form-validator";
import messages from "@/test/settings-messages.json";

interface MessageCase {
  settings: Record<string, unknown>;
  path: string;
  message: string;
}
interface FlavorCases {
  flavor: { name: string; settings_schema: Record<string, unknown> };
  cases: MessageCase[];
}
const fixture: Record<string, FlavorCases> = messages;

// The same cases the server's test checks (tests/unit/stacks/test_settings_messages.py):
// the browser must say, for the same mistake, what the server says.
describe.each(Object.entries(fixture))("the %s flavor's form", (_name, { flavor, cases }) => {
  const schema = formSchema(flavor.settings_schema);

  it.each(cases)("says '$path' $message, as the server does", ({ settings, path, message }) => {
    expect(validationMessages(settings, schema)).toContainEqual({ path, message });
  });

  it("accepts the defaults once the required values are given", () => {
    const required = flavor.name === "webhook" ? { url: "https://example.org/hook" } : {};

    expect(validationMessages(required, schema)).toEqual([]);
  });
});
