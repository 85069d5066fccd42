/**
 * Calls one of the app's server actions over HTTP the way the browser does (a POST to a page that
 * uses it, with the Next-Action header), for tests and load runs that drive many sessions without a
 * browser each. The action id comes from the production build's server reference manifest.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers: Record<string, unknown>;
}

/** The id of the action `exportedName` exported by `filename` (e.g. "lib/actions/update-pool.ts"). */
export function serverActionId(distDir: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === filename && entry.exportedName === exportedName) return id;
  }
  throw new Error(`${distDir} has no server action ${exportedName} in ${filename}; build first`);
}

/**
 * React's reply encoding for plain JSON arguments: strings that start with "$" are escaped as "$$"
 * (anything else passes as JSON).
 */
function encodeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeReply);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeReply(v)]));
  }
  return value;
}

/** The action's return value from an RSC response: the row the first row's "a" points at. */
export function actionResultOf(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
  const ref = head?.a;
  if (typeof ref === "string" && ref.startsWith("$@")) {
    return JSON.parse(rows.get(ref.slice(2)) ?? "null") as unknown;
  }
  return ref;
}

export interface ActionCall {
  /** the app's origin, e.g. http://127.0.0.1:3100 */
  appUrl: string;
  /** a page that uses the action, e.g. /pools/demo-ecs */
  page: string;
  actionId: string;
  /** the session cookie header */
  cookie: string;
  args: unknown[];
  signal?: AbortSignal;
}

/** Posts the action; resolves to the HTTP status and the action's decoded return value. */
export async function callServerAction(
  call: ActionCall,
): Promise<{ status: number; result: unknown }> {
  const res = await fetch(`${call.appUrl}${call.page}`, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": call.actionId,
      origin: call.appUrl,
      cookie: call.cookie,
    },
    body: JSON.stringify(encodeReply(call.args)),
    signal: call.signal,
  });
  const text = await res.text();
  if (!res.ok) return { status: res.status, result: text };
  return { status: res.status, result: actionResultOf(text) };
}

/**
 * Signs in through next-auth's credentials endpoint (no browser) and returns the Cookie header of
 * the session, as Pooldeck's sign-in page would leave it in a browser.
 */
export async function signInCookie(
  appUrl: string,
  username: string,
  password: string,
): Promise<string> {
  const csrfRes = await fetch(`${appUrl}/api/auth/csrf`);
  const csrfCookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookies.join("; "),
    },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`signing in ${username} failed: HTTP ${res.status}`);
  return session;
}
