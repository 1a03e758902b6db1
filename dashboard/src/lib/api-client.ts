/**
 * The one way the dashboard talks to the server: calls checked against the generated
 * OpenAPI schema (`api.GET("/api/v1/runs/{run_id}", …)`), with cookies, the CSRF header on
 * unsafe requests, the login page on a 401 and the server's `{code, message, details}` errors.
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "@/api/schema.gen";
import { cachedProjectLookup, type ProjectLookup, scopedRequest } from "@/lib/project-scope";
import { csrfHeaders, reportUnauthorized } from "@/lib/session";

export const API_BASE = "/api/v1";

/** An error the server answered with (`{code, message, details}`), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type QueryValue = string | number | boolean | undefined | null;
/** A list value repeats its parameter (`metadata=a:gt:1&metadata=b:lt:2`). */
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

function isSent(value: unknown): value is string | number | boolean {
  return ["string", "number", "boolean"].includes(typeof value) && value !== "";
}

/** `status=failed&metadata=a&metadata=b`, leaving out empty parameters. */
export function serializeQuery(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (isSent(one)) search.append(key, String(one));
    }
  }
  return search.toString();
}

/** `/api/v1/runs?status=failed`, for links, images and iframes (calls go through `api`). */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const query = serializeQuery(params);
  return `${API_BASE}${path}${query ? `?${query}` : ""}`;
}

function readError(status: number, body: unknown): ApiError {
  if (typeof body === "object" && body !== null && "message" in body) {
    const { code, message, details } = body as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    return new ApiError(status, String(code ?? "error"), String(message), details ?? null);
  }
  return new ApiError(status, "http_error", `The server answered ${status}.`);
}

export interface ApiClientOptions {
  /** Where `/api/v1` is; the page's own origin unless a test says otherwise. */
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** The page's cookies, read for the CSRF token. */
  readCookies?: () => string;
  /** The page's search, read for the header's project choice (`?project=`). */
  readSearch?: () => string;
}

function pageSearch(): string {
  return typeof window === "undefined" ? "" : window.location.search;
}

/** Project ids by name, asked of the server with the same credentials as every call. */
function projectLookup(
  baseUrl: string,
  send: (request: Request) => Promise<Response>,
): ProjectLookup {
  return cachedProjectLookup(async (name) => {
    const origin = typeof window === "undefined" ? "http://localhost" : window.location.origin;
    const url = new URL(`${baseUrl}${API_BASE}/projects`, origin);
    url.searchParams.set("name", name);
    const response = await send(new Request(url, { headers: { Accept: "application/json" } }));
    if (!response.ok) return null;
    const page = (await response.json()) as { items?: { id: string; name: string }[] };
    return page.items?.find((p) => p.name === name)?.id ?? null;
  });
}

function pageCookies(): string {
  return typeof document === "undefined" ? "" : document.cookie;
}

/** A client for the server's API; the app uses the one `api` below. */
export function createApiClient(options: ApiClientOptions = {}): Client<paths> {
  const { baseUrl = "", readCookies = pageCookies, readSearch = pageSearch } = options;
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const lookup = projectLookup(baseUrl, send);
  return createClient<paths>({
    baseUrl,
    headers: { Accept: "application/json" },
    querySerializer: serializeQuery,
    fetch: async (given: Request) => {
      const request = await scopedRequest(given, readSearch(), lookup);
      const headers = new Headers(request.headers);
      for (const [name, value] of Object.entries(csrfHeaders(request.method, readCookies()))) {
        headers.set(name, value);
      }
      let response: Response;
      try {
        response = await send(new Request(request, { headers }));
      } catch {
        throw new ApiError(
          0,
          "network",
          "Cannot reach the Headwater server. Is `headwater up` running?",
        );
      }
      // A wrong password at the login page is the form's to show, not a reason to go there.
      const path = new URL(request.url).pathname;
      if (response.status === 401 && !path.startsWith(`${API_BASE}/sessions`)) {
        reportUnauthorized();
      }
      return response;
    },
  });
}

export const api = createApiClient();

/** What every `api` call resolves to: the body on success, the error body otherwise. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body; throws `ApiError` with the server's message on any failure. */
export async function unwrap<T>(request: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok || data === undefined) throw readError(response.status, error);
  return data;
}

/** For an answer without a body (204): throws `ApiError` on any failure. */
export async function unwrapEmpty(request: Promise<Answer<unknown>>): Promise<void> {
  const { error, response } = await request;
  if (!response.ok) throw readError(response.status, error);
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
