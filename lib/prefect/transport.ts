import "server-only";

import { randomUUID } from "node:crypto";

import { errorFromNetwork, networkErrorCode, PrefectError } from "./errors";

export type PrefectAuth =
  { kind: "none" } | { kind: "basic"; authString: string } | { kind: "bearer"; apiKey: string };

export interface RetryPolicy {
  /** total tries including the first */
  maxAttempts: number;
  /** first backoff when the server sends no Retry-After; doubles per attempt */
  baseDelayMs: number;
  maxDelayMs: number;
  /** a Retry-After longer than this is not waited for: the error goes back to the caller */
  maxRetryAfterMs: number;
}

// A SQLite-backed server answers 503 while its database is locked by concurrent writes, which
// can last seconds: 5 attempts wait up to about 0.3 + 0.6 + 1.2 + 2.4 s.
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

// Nothing listening rarely changes within seconds; one quick repeat covers a restart blip and
// the status page still says "not reachable" fast.
const MAX_ATTEMPTS_WHEN_REFUSED = 2;

export interface TransportOptions {
  /** base API URL without trailing slash, e.g. http://127.0.0.1:4200/api */
  apiUrl: string;
  auth: PrefectAuth;
  /** self-hosted only: fetch and send CSRF tokens when the server enforces them */
  csrf: boolean;
  retry?: Partial<RetryPolicy>;
  /** per attempt */
  timeoutMs?: number;
  /** the underlying fetch (tests pass their own to count calls) */
  fetch?: typeof fetch;
}

export type Transport = (request: Request) => Promise<Response>;

const RETRY_STATUSES = new Set([429, 502, 503]);
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Methods a repeat cannot harm; Prefect's PATCH replaces whole keys, so it is one of them.
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);
// POSTs that only read (Prefect's filter/count endpoints) are as safe to repeat as GETs.
const READ_ONLY_POST = /\/(filter|count)$/;

/** The Authorization header Prefect expects for the given credentials (none for an open server). */
export function authHeaders(auth: PrefectAuth): Record<string, string> {
  switch (auth.kind) {
    case "basic":
      return { Authorization: `Basic ${Buffer.from(auth.authString, "utf8").toString("base64")}` };
    case "bearer":
      return { Authorization: `Bearer ${auth.apiKey}` };
    case "none":
      return {};
  }
}

/** Milliseconds to wait from a Retry-After value (delta-seconds or an HTTP date); null if unparseable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // an HTTP date always names its month; without this, Date.parse reads "-1" as a year
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

function backoff(policy: RetryPolicy, attempt: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // half fixed, half random: spreads out many clients retrying after the same outage
  return Math.round(exp / 2 + (Math.random() * exp) / 2);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface CsrfState {
  enabled: boolean;
  clientId: string;
  token: string | null;
  expiresAt: number;
  pending: Promise<Refusal | null> | null;
}

interface Refusal {
  status: number;
  text: string;
  contentType: string | null;
}

/**
 * A fetch for openapi-fetch that adds Prefect's auth and CSRF headers, retries 429/502/503 (and
 * connection failures where a repeat is safe) with Retry-After or backoff, and turns connection
 * failures into PrefectError("unreachable"). HTTP error statuses are returned, not thrown.
 */
export function createTransport(options: TransportOptions): Transport {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseFetch = options.fetch ?? globalThis.fetch;
  const auth = authHeaders(options.auth);
  const csrf: CsrfState = {
    enabled: options.csrf,
    clientId: randomUUID(),
    token: null,
    expiresAt: 0,
    pending: null,
  };

  async function attempt(
    method: string,
    url: string,
    headers: Headers,
    body: ArrayBuffer | undefined,
    callerSignal: AbortSignal | undefined,
  ) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
    try {
      return await baseFetch(url, { method, headers, body, signal, redirect: "follow" });
    } catch (err) {
      // the caller gave up (e.g. the page request ended): theirs to handle, not a Prefect failure
      if (callerSignal?.aborted) throw err;
      throw errorFromNetwork(err, options.apiUrl, timeout.aborted, timeoutMs);
    }
  }

  async function sendWithRetry(
    method: string,
    url: string,
    headers: Headers,
    body: ArrayBuffer | undefined,
    callerSignal?: AbortSignal,
  ) {
    const safeToRepeat =
      IDEMPOTENT.has(method) || (method === "POST" && READ_ONLY_POST.test(new URL(url).pathname));
    for (let n = 1; ; n++) {
      let response: Response;
      try {
        response = await attempt(method, url, headers, body, callerSignal);
      } catch (err) {
        // refused means nothing reached the server, so even a create may be repeated
        const refused = networkErrorCode((err as Error).cause) === "ECONNREFUSED";
        const retryable =
          err instanceof PrefectError && err.kind === "unreachable" && (safeToRepeat || refused);
        const limit = refused
          ? Math.min(MAX_ATTEMPTS_WHEN_REFUSED, policy.maxAttempts)
          : policy.maxAttempts;
        if (!retryable || n >= limit) throw err;
        await sleep(backoff(policy, n));
        continue;
      }
      if (!RETRY_STATUSES.has(response.status) || n >= policy.maxAttempts) return response;
      const asked = parseRetryAfter(response.headers.get("Retry-After"));
      if (asked !== null && asked > policy.maxRetryAfterMs) return response;
      await response.body?.cancel();
      await sleep(asked ?? backoff(policy, n));
    }
  }

  /** Gets a token; returns the server's refusal (e.g. 401) to be answered in place of the write. */
  async function refreshCsrfToken(): Promise<Refusal | null> {
    const url = `${options.apiUrl}/csrf-token?client=${encodeURIComponent(csrf.clientId)}`;
    const res = await sendWithRetry("GET", url, new Headers(auth), undefined);
    const text = await res.text();
    // 404: a server older than CSRF support; 422 "CSRF protection is disabled." (Prefect's client
    // treats both as "no CSRF needed", see prefect/client/base.py _add_csrf_headers)
    if (
      res.status === 404 ||
      (res.status === 422 && text.includes("CSRF protection is disabled"))
    ) {
      csrf.enabled = false;
      csrf.token = null;
      return null;
    }
    // Prefect checks CSRF before credentials, so a write with a bad key would only ever see
    // "Missing CSRF token"; the token endpoint's 401 is the real answer for that write
    if (!res.ok) return { status: res.status, text, contentType: res.headers.get("content-type") };
    let token: unknown;
    let expiration: unknown;
    try {
      ({ token, expiration } = JSON.parse(text) as { token?: unknown; expiration?: unknown });
    } catch {
      // not JSON: reported below as a missing token
    }
    if (typeof token !== "string") {
      throw new PrefectError({
        status: res.status,
        kind: "unexpected",
        message: `Prefect at ${options.apiUrl} sent a CSRF answer without a token`,
      });
    }
    csrf.token = token;
    const at = typeof expiration === "string" ? Date.parse(expiration) : NaN;
    // renew a little early so a token never expires between check and use
    csrf.expiresAt = Number.isNaN(at) ? Number.POSITIVE_INFINITY : at - 30_000;
    return null;
  }

  async function ensureCsrfToken(force: boolean): Promise<Refusal | null> {
    if (!force && csrf.token && Date.now() < csrf.expiresAt) return null;
    // concurrent writes share one token request
    csrf.pending ??= refreshCsrfToken().finally(() => {
      csrf.pending = null;
    });
    return csrf.pending;
  }

  const answer = (r: Refusal) =>
    new Response(r.text, {
      status: r.status,
      headers: r.contentType ? { "content-type": r.contentType } : {},
    });

  return async function transport(request: Request): Promise<Response> {
    const method = request.method.toUpperCase();
    const body = request.body ? await request.arrayBuffer() : undefined;
    const headers = new Headers(request.headers);
    for (const [k, v] of Object.entries(auth)) headers.set(k, v);

    const needsCsrf = () => csrf.enabled && MUTATING.has(method);
    const withCsrf = () => {
      if (needsCsrf() && csrf.token) {
        headers.set("Prefect-Csrf-Token", csrf.token);
        headers.set("Prefect-Csrf-Client", csrf.clientId);
      }
      return headers;
    };

    if (needsCsrf()) {
      const refusal = await ensureCsrfToken(false);
      if (refusal) return answer(refusal);
    }
    const response = await sendWithRetry(method, request.url, withCsrf(), body, request.signal);
    if (response.status === 403 && options.csrf && MUTATING.has(method)) {
      // the server dropped or expired our token, or turned CSRF on since we asked: renew, try once more
      const text = await response.clone().text();
      if (text.includes("Invalid CSRF token") || text.includes("Missing CSRF token")) {
        csrf.enabled = true;
        const refusal = await ensureCsrfToken(true);
        if (refusal) return answer(refusal);
        return sendWithRetry(method, request.url, withCsrf(), body, request.signal);
      }
    }
    return response;
  };
}
