import { describe, expect, it } from "vitest";
import { branchTitle, formSchema, formUiSchema } from "@/features/stacks/lib/flavor-schema";
import fixture from "@/test/settings-messages.json";

const webhook = formSchema(fixture.webhook.flavor.settings_schema);
const unions = formSchema(fixture.unions.flavor.settings_schema);

function property(schema: ReturnType<typeof formSchema>, name: string): Record<string, unknown> {
  const found = (schema.properties as Record<string, Record<string, unknown>>)[name];
  if (!found) throw new Error(`no property ${name}`);
  return found;
}

describe("formSchema", () => {
  it("turns an optional secret into a plain password string without a null default", () => {
    const secret = property(webhook, "secret");

    expect(secret.anyOf).toBeUndefined();
    expect(secret).toMatchObject({ type: "string", format: "password", writeOnly: true });
    expect("default" in secret).toBe(false);
  });

  it("keeps bounds, patterns and nested references as pydantic wrote them", () => {
    expect(property(webhook, "timeout_seconds")).toMatchObject({
      exclusiveMinimum: 0,
      maximum: 60,
    });
    expect(property(webhook, "url").pattern).toBe("^https?://\\S+$");
    expect(property(webhook, "delivery").$ref).toBe("#/$defs/WebhookDelivery");
  });

  it("offers a real union as a choice of named branches", () => {
    const size = property(unions, "size");

    expect((size.anyOf as { title: string }[]).map((b) => b.title)).toEqual(["number", "string"]);
  });

  it("inlines a list's enum items without their definition's title", () => {
    expect(property(webhook, "events").items).toEqual({
      type: "string",
      enum: ["failed", "completed"],
    });
  });

  it("makes an optional nested object its object, and drops the root's title", () => {
    expect(property(unions, "limits").$ref).toBe("#/$defs/Limits");
    expect(unions.title).toBeUndefined();
  });

  it("names a branch by its definition when it has no title", () => {
    expect(branchTitle({ $ref: "#/$defs/Limits" })).toBe("Limits");
  });
});

describe("formUiSchema", () => {
  it("makes secrets password inputs that say whether a value is set", () => {
    const ui = formUiSchema(["secret"], { setSecrets: ["secret"], maySetSecrets: true });

    expect(ui.secret).toMatchObject({
      "ui:widget": "password",
      "ui:placeholder": "Set: type a new value to replace it",
      "ui:disabled": false,
    });
  });

  it("disables secrets for a user without secret:update", () => {
    const ui = formUiSchema(["secret"], { setSecrets: [], maySetSecrets: false });

    expect(ui.secret).toMatchObject({ "ui:disabled": true, "ui:placeholder": "Not set" });
  });
});
