// Signed-in requests for tests: the console under test is started with an administrator (CONSOLE_ADMIN_EMAIL /
// _PASSWORD), signed in once, and every helper sends that session's cookie to that console's origin.

export const TEST_ADMIN = { email: "admin@console.test", password: "admin-password-1", name: "admin" } as const;

const cookiesByOrigin = new Map<string, string>();

/** Signs in through Better Auth's own route and returns the `Cookie` header value of the session. */
export async function signIn(baseUrl: string, credentials: { email: string; password: string } = TEST_ADMIN): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${credentials.email} failed: HTTP ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

/** Makes `cookie` the session sent to `baseUrl` by authedFetch, api() and the socket helpers. */
export function useSession(baseUrl: string, cookie: string): void {
  cookiesByOrigin.set(new URL(baseUrl).origin, cookie);
}

export const sessionCookie = (url: string): string | undefined => cookiesByOrigin.get(new URL(url).origin);

/** fetch with the registered session's cookie, and the console's own Origin on requests that change something. */
export function authedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = sessionCookie(url);
  if (cookie && !headers.has("cookie")) headers.set("cookie", cookie);
  const method = (init.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", new URL(url).origin);
  return fetch(url, { ...init, headers });
}

/** socket.io-client options that carry the session (Node's websocket transport sends extraHeaders). */
export const socketAuth = (url: string) => ({ extraHeaders: { cookie: sessionCookie(url) ?? "" } });

let userCount = 0;

/** Creates a user with `role` through the administrator's session and signs them in; returns their cookie. */
export async function signedInUser(baseUrl: string, role: "admin" | "operator" | "viewer", name = `${role}-${++userCount}`): Promise<{ id: string; email: string; cookie: string; password: string }> {
  const email = `${name}@console.test`;
  const password = `${name}-password`;
  const created = await authedFetch(`${baseUrl}/api/users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, email, password, role }) });
  if (created.status !== 201) throw new Error(`creating ${email} failed: HTTP ${created.status} ${await created.text()}`);
  const { user } = (await created.json()) as { user: { id: string } };
  return { id: user.id, email, password, cookie: await signIn(baseUrl, { email, password }) };
}
