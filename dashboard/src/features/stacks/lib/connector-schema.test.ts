import { describe, expect, it } from "vitest";
import type { ConnectorTypeDescription } from "@/api/types";
import { connectorFormSchema, connectorUiSchema } from "@/features/stacks/lib/connector-schema";
import { formSchema, formUiSchema, withConnectorChoice } from "@/features/stacks/lib/flavor-schema";

const AWS: ConnectorTypeDescription = {
  type: "aws",
  description: "S3",
  protocols: ["s3"],
  secret_fields: ["aws_access_key_id", "aws_secret_access_key"],
  settings_schema: {
    type: "object",
    properties: {
      aws_access_key_id: { type: "string", format: "password", writeOnly: true },
      aws_secret_access_key: { type: "string", format: "password", writeOnly: true },
      region: { anyOf: [{ type: "string" }, { type: "null" }], default: null },
    },
    required: ["aws_access_key_id", "aws_secret_access_key"],
  },
};

const GENERIC: ConnectorTypeDescription = {
  type: "generic",
  description: "Key/values",
  protocols: [],
  secret_fields: ["values"],
  settings_schema: {
    type: "object",
    properties: {
      values: { type: "object", additionalProperties: { type: "string", format: "password" } },
    },
  },
};

describe("connector forms", () => {
  it("no longer requires a secret that is already set", () => {
    const schema = connectorFormSchema(AWS, ["aws_access_key_id"]);

    expect(schema.required).toEqual(["aws_secret_access_key"]);
  });

  it("draws a generic connector's values as password inputs", () => {
    const ui = connectorUiSchema(GENERIC, { setSecrets: [], maySetSecrets: true });

    expect(ui.values.additionalProperties["ui:widget"]).toBe("password");
  });

  it("draws an aws connector's keys as password inputs, disabled without the permission", () => {
    const ui = connectorUiSchema(AWS, { setSecrets: [], maySetSecrets: false });

    expect(ui.aws_secret_access_key["ui:widget"]).toBe("password");
    expect(ui.aws_secret_access_key["ui:disabled"]).toBe(true);
  });
});

describe("a component's connector setting", () => {
  const settingsSchema = {
    type: "object",
    properties: {
      path: { anyOf: [{ type: "string" }, { type: "null" }], default: null },
      connector: { anyOf: [{ type: "string" }, { type: "null" }], default: null },
    },
  };
  const flavor = { secret_fields: [] as string[], settings_schema: settingsSchema };

  it("is a choice of the registered connectors", () => {
    const schema = formSchema(flavor.settings_schema);

    const ui = withConnectorChoice(
      schema,
      formUiSchema([], { setSecrets: [], maySetSecrets: true }),
    );

    expect(ui.connector["ui:widget"]).toBe("ConnectorSelect");
    expect(ui.path).toBeUndefined();
  });

  it("leaves a flavor without one alone", () => {
    const schema = formSchema({ type: "object", properties: { url: { type: "string" } } });

    expect(withConnectorChoice(schema, {})).toEqual({});
  });
});
