import { afterEach, describe, expect, it } from "vitest";
import { ApiError, apiUrl, createApiClient, unwrap, unwrapEmpty } from "@/lib/api-client";
import { setUnauthorizedHandler } from "@/lib/session";

describe("apiUrl", () => {
  it("leaves out empty parameters", () => {
    expect(apiUrl("/runs", { status: "failed", tag: "", user_name: undefined })).toBe(
      "/api/v1/runs?status=failed",
    );
  });

  it("repeats a parameter for each value of a list", () => {
    expect(apiUrl("/runs", { metadata: ["a:gt:1", "b:lt:2"] })).toBe(
      "/api/v1/runs?metadata=a%3Agt%3A1&metadata=b%3Alt%3A2",
    );
  });
});

const BASE = "http://headwater.test";

/** A client whose requests land in `sent` and are answered by `answer`. */
function clientAnswering(answer: (request: Request) => Response, cookies = "") {
  const sent: Request[] = [];
  const api = createApiClient({
    baseUrl: BASE,
    readCookies: () => cookies,
    fetch: async (request) => {
      sent.push(request);
      return answer(request);
    },
  });
  return { api, sent };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

describe("api", () => {
  afterEach(() => setUnauthorizedHandler(() => {}));

  it("fills path parameters and serializes the query like apiUrl", async () => {
    const { api, sent } = clientAnswering(() => json(200, { items: [], total: 0 }));

    await unwrap(
      api.GET("/api/v1/runs/{run_id}/steps", {
        params: { path: { run_id: "a b" }, query: { size: 5, name: "" } },
      }),
    );
    await unwrap(api.GET("/api/v1/runs", { params: { query: { metadata: ["a:gt:1", "b"] } } }));

    expect(sent.map((request) => request.url)).toEqual([
      `${BASE}/api/v1/runs/a%20b/steps?size=5`,
      `${BASE}/api/v1/runs?metadata=a%3Agt%3A1&metadata=b`,
    ]);
    expect(sent[0]?.headers.get("Accept")).toBe("application/json");
  });

  it("throws the server's error body as an ApiError", async () => {
    const { api } = clientAnswering(() =>
      json(404, { code: "not_found", message: "No run 'r-1'.", details: { id: "r-1" } }),
    );

    const failure = unwrap(
      api.GET("/api/v1/runs/{run_id}", { params: { path: { run_id: "r-1" } } }),
    );

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 404,
      code: "not_found",
      message: "No run 'r-1'.",
      details: { id: "r-1" },
    });
  });

  it("names the status when the error body is not the server's", async () => {
    const { api } = clientAnswering(() => new Response("Bad Gateway", { status: 502 }));

    await expect(unwrap(api.GET("/api/v1/me"))).rejects.toMatchObject({
      status: 502,
      code: "http_error",
      message: "The server answered 502.",
    });
  });

  it("turns a network failure into an ApiError that says what to do", async () => {
    const api = createApiClient({
      baseUrl: BASE,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });

    await expect(unwrap(api.GET("/api/v1/me"))).rejects.toMatchObject({
      status: 0,
      code: "network",
    });
  });

  it("sends the CSRF cookie's token on unsafe requests only", async () => {
    const { api, sent } = clientAnswering(
      () => new Response(null, { status: 204 }),
      "other=1; headwater_csrf=t%3Dk",
    );

    await unwrapEmpty(api.DELETE("/api/v1/runs/{run_id}", { params: { path: { run_id: "r" } } }));
    await unwrapEmpty(api.GET("/api/v1/runs/{run_id}", { params: { path: { run_id: "r" } } }));

    expect(sent.map((request) => request.headers.get("X-CSRF-Token"))).toEqual(["t=k", null]);
  });

  it("sends a JSON body", async () => {
    const { api, sent } = clientAnswering(() => json(200, { user_name: "ada" }));

    await unwrap(api.POST("/api/v1/sessions", { body: { username: "ada", password: "pw" } }));

    expect(sent[0]?.headers.get("Content-Type")).toBe("application/json");
    expect(await sent[0]?.json()).toEqual({ username: "ada", password: "pw" });
  });

  it("reports a 401 except from the login itself", async () => {
    let reported = 0;
    setUnauthorizedHandler(() => {
      reported += 1;
    });
    const { api } = clientAnswering(() => json(401, { code: "unauthorized", message: "Log in." }));

    await expect(unwrap(api.GET("/api/v1/me"))).rejects.toMatchObject({ status: 401 });
    expect(reported).toBe(1);
    const login = api.POST("/api/v1/sessions", { body: { username: "ada", password: "no" } });
    await expect(unwrap(login)).rejects.toMatchObject({ status: 401, message: "Log in." });
    expect(reported).toBe(1);
  });

  it("reads a text answer as text", async () => {
    const { api } = clientAnswering(() => new Response("a,b\n1,2\n", { status: 200 }));

    const text = await unwrap(
      api.GET("/api/v1/artifact-versions/{artifact_version_id}/visualizations/{index}", {
        params: { path: { artifact_version_id: "av", index: 0 } },
        parseAs: "text",
      }),
    );

    expect(text).toBe("a,b\n1,2\n");
  });
});
