import { describe, expect, it } from "vitest";
import type { ServiceConnector } from "@/api/types";
import {
  createConnectorPayload,
  initialConnectorData,
  updateConnectorPayload,
} from "@/features/stacks/lib/connector-payload";

function connector(overrides: Partial<ServiceConnector>): ServiceConnector {
  return {
    id: "c1",
    project_id: "p1",
    name: "team-s3",
    type: "aws",
    settings: {},
    secrets: {},
    created: "2026-01-01T00:00:00Z",
    created_by: "ada",
    updated: "2026-01-01T00:00:00Z",
    updated_by: "ada",
    ...overrides,
  };
}

const AWS_SECRETS = ["aws_access_key_id", "aws_secret_access_key", "aws_session_token"];

describe("connector payloads", () => {
  it("sends an aws connector's keys as secrets and the rest as settings", () => {
    const payload = createConnectorPayload(
      "aws",
      { aws_access_key_id: "AK", aws_secret_access_key: "SK", region: "eu-west-1" },
      AWS_SECRETS,
    );

    expect(payload).toEqual({
      settings: { region: "eu-west-1" },
      secrets: { aws_access_key_id: "AK", aws_secret_access_key: "SK" },
    });
  });

  it("sends a generic connector's values as secrets named values.<key>", () => {
    const payload = createConnectorPayload(
      "generic",
      { values: { username: "u", password: "p", blank: "" } },
      ["values"],
    );

    expect(payload).toEqual({
      settings: {},
      secrets: { "values.username": "u", "values.password": "p" },
    });
  });

  it("keeps the set secrets of an edit that typed none by leaving secrets out", () => {
    const stored = connector({
      settings: { region: "eu-west-1" },
      secrets: {
        aws_access_key_id: "set",
        aws_secret_access_key: "set",
        aws_session_token: "not set",
      },
    });

    const body = updateConnectorPayload(stored, { region: "us-east-1" }, AWS_SECRETS);

    expect(body).toEqual({ settings: { region: "us-east-1" } });
  });

  it("masks the set secrets an edit left empty when it replaces another", () => {
    const stored = connector({
      secrets: {
        aws_access_key_id: "set",
        aws_secret_access_key: "set",
        aws_session_token: "not set",
      },
    });

    const body = updateConnectorPayload(stored, { aws_secret_access_key: "new" }, AWS_SECRETS);

    expect(body.secrets).toEqual({ aws_access_key_id: "****", aws_secret_access_key: "new" });
  });

  it("keeps a generic value left empty and drops a key taken out of the form", () => {
    const stored = connector({
      type: "generic",
      secrets: { "values.username": "set", "values.password": "set" },
    });

    const body = updateConnectorPayload(stored, { values: { username: "", token: "t" } }, [
      "values",
    ]);

    expect(body).toEqual({
      settings: {},
      secrets: { "values.username": "****", "values.token": "t" },
    });
  });

  it("starts a generic edit with its keys and no values", () => {
    const stored = connector({ type: "generic", secrets: { "values.username": "set" } });

    expect(initialConnectorData(stored)).toEqual({ values: { username: "" } });
  });
});
