/**
 * The browser's login: the CSRF token the server set next to its session cookie, and what
 * to do when the server says the caller is not logged in (answer 401).
 */

export const CSRF_COOKIE = "headwater_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The value of one cookie in a `document.cookie` string, if it is there. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** The `X-CSRF-Token` header a request with this method must carry (none for reads). */
export function csrfHeaders(method: string, cookies: string): Record<string, string> {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return {};
  const token = readCookie(cookies, CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}

/**
 * Where to go after logging in: `next` if it is a path of this app, else the runs. An
 * absolute or protocol-relative URL is refused, so a link cannot send a user elsewhere.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return "/runs";
  if (next.startsWith("/login")) return "/runs";
  return next;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** Register what the app does on a 401 (main.tsx opens the login page). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** Called by the API client whenever the server answers 401. */
export function reportUnauthorized(): void {
  onUnauthorized();
}
