/** The one way the dashboard talks to the server: typed JSON over `/api/v1`. */
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
export type QueryParams = Record<string, QueryValue | readonly string[]>;

/** `/api/v1/runs?status=failed`, leaving out empty parameters. */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== "") search.append(key, String(one));
    }
  }
  const query = search.toString();
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

async function send(url: string, init: RequestInit): Promise<Response> {
  const method = init.method ?? "GET";
  const cookies = typeof document === "undefined" ? "" : document.cookie;
  const headers = { ...(init.headers as Record<string, string>), ...csrfHeaders(method, cookies) };
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch {
    throw new ApiError(
      0,
      "network",
      "Cannot reach the Headwater server. Is `headwater up` running?",
    );
  }
  // A wrong password at the login page is the form's to show, not a reason to go there.
  if (response.status === 401 && !url.startsWith(`${API_BASE}/sessions`)) reportUnauthorized();
  return response;
}

/** GET a JSON resource; throws `ApiError` with the server's message on any failure. */
export async function getJson<T>(
  path: string,
  params?: QueryParams,
  signal?: AbortSignal,
): Promise<T> {
  const response = await send(apiUrl(path, params), {
    signal: signal ?? null,
    headers: { Accept: "application/json" },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw readError(response.status, body);
  return body as T;
}

/** GET a text resource (a visualization, a CSV file). */
export async function getText(path: string, signal?: AbortSignal): Promise<string> {
  const response = await send(apiUrl(path), { signal: signal ?? null });
  if (!response.ok) throw readError(response.status, await response.json().catch(() => null));
  return response.text();
}

/** Send a JSON body (or none) with any method; null for an empty answer (204). */
export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(apiUrl(path), {
    method,
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw readError(response.status, answer);
  return answer as T;
}

/** DELETE a resource; throws `ApiError` with the server's message on any failure. */
export async function deleteResource(path: string): Promise<void> {
  const response = await send(apiUrl(path), {
    method: "DELETE",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw readError(response.status, await response.json().catch(() => null));
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
