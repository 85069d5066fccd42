/**
 * Pooldeck's Content-Security-Policy. Scripts run only with the per-request nonce (Next attaches
 * it to its own scripts when it finds `'nonce-…'` in the request's CSP header), and scripts they
 * load ('strict-dynamic'). Monaco's workers are same-origin Turbopack chunks
 * (/_next/static/chunks/turbopack-worker-*.js, no blob: URLs), hence `worker-src 'self'`.
 * No 'unsafe-eval': nothing in the pages evaluates strings as code (the live checks validate
 * `variables` JSON Schemas with an interpreting validator, lib/checks/schema-validation.ts), so
 * eval and `new Function` throw. Only `next dev` gets it, for React's development tooling.
 * Injected <script> elements and inline handlers stay blocked (nonce + 'strict-dynamic').
 * Styles allow 'unsafe-inline': Monaco writes <style> elements and style attributes at run time
 * and React renders style props; a nonce in style-src would switch 'unsafe-inline' off.
 * Pure (no server-only): proxy.ts and the unit tests use it.
 */

/** The request header proxy.ts sets so server components can read the nonce. */
export const NONCE_HEADER = "x-nonce";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response; `dev` adds the websocket `next dev` reloads through and the
 * 'unsafe-eval' React's development build uses to rebuild server stack traces.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["worker-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * What proxy.ts needs per request: the request headers to forward (nonce and policy, which Next
 * reads while rendering) and a function that puts the policy on the response it returns.
 */
export function securityFor(
  requestHeaders: Headers,
  dev = process.env.NODE_ENV === "development",
): { requestHeaders: Headers; finish<R extends { headers: Headers }>(response: R): R } {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, dev);
  const forwarded = new Headers(requestHeaders);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("content-security-policy", policy);
  return {
    requestHeaders: forwarded,
    finish(response) {
      response.headers.set("content-security-policy", policy);
      return response;
    },
  };
}
