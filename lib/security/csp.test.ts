import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, NONCE_HEADER, newNonce, securityFor } from "./csp";

describe("contentSecurityPolicy", () => {
  it("is the exact production policy, without 'unsafe-eval'", () => {
    expect(contentSecurityPolicy("abc")).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("lets next dev reload over a websocket and run React's development tooling", () => {
    expect(contentSecurityPolicy("abc", true)).toContain("connect-src 'self' ws:;");
    expect(contentSecurityPolicy("abc", true)).toContain(
      "script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval';",
    );
  });
});

describe("securityFor", () => {
  it("forwards the nonce and policy to the renderer and sets the same policy on the response", () => {
    const security = securityFor(new Headers({ cookie: "a=1" }), false);
    const nonce = security.requestHeaders.get(NONCE_HEADER) ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(security.requestHeaders.get("cookie")).toBe("a=1");
    expect(security.requestHeaders.get("content-security-policy")).toBe(
      contentSecurityPolicy(nonce),
    );
    const response = security.finish(new Response(null));
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy(nonce));
  });

  it("draws a new nonce every time", () => {
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });
});
