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

/**
 * The action's return value from React's flight stream: rows `id:json\n` and text rows
 * `id:T<hex byte length>,<text>`; row 0 points at the result's row ("$@1"), and a long string is
 * a "$<hex id>" reference to a text row ("$$" escapes a leading "$").
 */
export function actionResultOf(flight: string | Buffer): unknown {
  const body = typeof flight === "string" ? Buffer.from(flight) : flight;
  const rows = new Map<string, unknown>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(":", at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString();
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(",", colon);
      const length = parseInt(body.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, body.subarray(comma + 1, comma + 1 + length).toString());
      at = comma + 1 + length;
    } else {
      const newline = body.indexOf("\n", colon);
      const end = newline < 0 ? body.length : newline;
      rows.set(id, JSON.parse(body.subarray(colon + 1, end).toString()));
      at = end + 1;
    }
  }
  const resolve = (v: unknown): unknown => {
    if (typeof v === "string" && v.startsWith("$")) {
      if (v.startsWith("$$")) return v.slice(1);
      const ref = /^\$@?([0-9a-f]+)$/.exec(v);
      if (ref) return resolve(rows.get(ref[1]!));
      throw new Error(`unexpected flight value ${v}`);
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    }
    return v;
  };
  return resolve((rows.get("0") as { a: unknown } | undefined)?.a);
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
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) return { status: res.status, result: body.toString("utf8") };
  return { status: res.status, result: actionResultOf(body) };
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
