import { describe, expect, it } from "vitest";

import { errorFromResponse, networkErrorCode, parseErrorBody, type ErrorContext } from "./errors";

const ctx = (auth: ErrorContext["auth"] = "none"): ErrorContext => ({
  action: 'create work pool "x"',
  apiUrl: "http://127.0.0.1:4200/api",
  auth,
});

// bodies exactly as Prefect 3.9.1 sends them (captured from the local server)
const reserved = { detail: "Work pools starting with 'Prefect' are reserved for internal use." };
const invalidName = {
  exception_message: "Invalid request received.",
  exception_detail: [
    {
      type: "string_pattern_mismatch",
      loc: ["body", "name"],
      msg: "String should match pattern '^[^/%&><]+$'",
      input: "a/b",
      ctx: { pattern: "^[^/%&><]+$" },
    },
  ],
  request_body: { name: "a/b", type: "ecs" },
};

describe("parseErrorBody", () => {
  it("reads Prefect's validation list without the body/query prefix", () => {
    expect(parseErrorBody(invalidName)).toEqual({
      detail: "name: String should match pattern '^[^/%&><]+$'",
      validation: [{ loc: ["name"], msg: "String should match pattern '^[^/%&><]+$'" }],
    });
  });
  it("reads FastAPI's plain {detail: [...]} list too", () => {
    expect(
      parseErrorBody({
        detail: [
          { loc: ["query", "limit"], msg: "too big" },
          { loc: [], msg: "bad" },
        ],
      }),
    ).toEqual({
      detail: "limit: too big; bad",
      validation: [
        { loc: ["limit"], msg: "too big" },
        { loc: [], msg: "bad" },
      ],
    });
  });
  it("reads {detail}, {exception_message} and text", () => {
    expect(parseErrorBody(reserved).detail).toBe(reserved.detail);
    expect(parseErrorBody({ exception_message: "Unauthorized" }).detail).toBe("Unauthorized");
    expect(parseErrorBody("Bad Gateway\n").detail).toBe("Bad Gateway");
    expect(parseErrorBody(undefined)).toEqual({ detail: null, validation: [] });
  });
});

describe("errorFromResponse", () => {
  it("401 names the missing or wrong credential", () => {
    const none = errorFromResponse(401, { exception_message: "Unauthorized" }, ctx("none"));
    expect([none.kind, none.status, none.message]).toEqual([
      "unauthorized",
      401,
      'Could not create work pool "x": Prefect at http://127.0.0.1:4200/api requires authentication; set PREFECT_API_AUTH_STRING (self-hosted) or PREFECT_API_KEY (Cloud) (401)',
    ]);
    expect(errorFromResponse(401, {}, ctx("basic")).message).toBe(
      'Could not create work pool "x": Prefect at http://127.0.0.1:4200/api rejected the credentials; check PREFECT_API_AUTH_STRING (401)',
    );
    expect(errorFromResponse(401, {}, ctx("bearer")).message).toBe(
      'Could not create work pool "x": Prefect Cloud rejected the API key; check PREFECT_API_KEY (401)',
    );
  });

  it("403 tells a reserved pool name, a CSRF refusal and a plain refusal apart", () => {
    const r = errorFromResponse(403, reserved, ctx());
    expect([r.kind, r.message]).toEqual([
      "reserved-name",
      "Could not create work pool \"x\": Work pools starting with 'Prefect' are reserved for internal use. (403)",
    ]);
    const c = errorFromResponse(403, { detail: "Invalid CSRF token or client identifier." }, ctx());
    expect([c.kind, c.message]).toEqual([
      "csrf",
      'Could not create work pool "x": Prefect refused the CSRF token: Invalid CSRF token or client identifier. (403)',
    ]);
    const f = errorFromResponse(403, { detail: "Forbidden" }, ctx("bearer"));
    expect([f.kind, f.message]).toEqual([
      "forbidden",
      'Could not create work pool "x": Prefect refused the request: Forbidden — the API key may lack permission for this workspace (403)',
    ]);
  });

  it("404, 409 and 422 carry Prefect's own text", () => {
    const nf = errorFromResponse(404, { detail: 'Work pool "nope" not found.' }, ctx());
    expect([nf.kind, nf.message]).toEqual([
      "not-found",
      'Could not create work pool "x": Work pool "nope" not found. (404)',
    ]);
    const cf = errorFromResponse(
      409,
      { detail: "A work pool with this name already exists." },
      ctx(),
    );
    expect([cf.kind, cf.message]).toEqual([
      "conflict",
      'Could not create work pool "x": A work pool with this name already exists. (409)',
    ]);
    const v = errorFromResponse(422, invalidName, ctx());
    expect([v.kind, v.message, v.validation]).toEqual([
      "validation",
      "Could not create work pool \"x\": Prefect rejected the request: name: String should match pattern '^[^/%&><]+$' (422)",
      [{ loc: ["name"], msg: "String should match pattern '^[^/%&><]+$'" }],
    ]);
  });

  it("other statuses", () => {
    expect(errorFromResponse(429, {}, ctx()).kind).toBe("rate-limited");
    expect(errorFromResponse(500, { exception_message: "Internal Server Error" }, ctx()).kind).toBe(
      "server",
    );
    const teapot = errorFromResponse(418, "", ctx());
    expect([teapot.kind, teapot.message]).toEqual([
      "unexpected",
      'Could not create work pool "x": unexpected answer from Prefect (418)',
    ]);
  });
});

describe("networkErrorCode", () => {
  it("finds the code in undici's cause chain and in an AggregateError", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(networkErrorCode(new TypeError("fetch failed", { cause: refused }))).toBe(
      "ECONNREFUSED",
    );
    const agg = new AggregateError([refused], "all failed");
    expect(networkErrorCode(new TypeError("fetch failed", { cause: agg }))).toBe("ECONNREFUSED");
    expect(networkErrorCode(new Error("plain"))).toBeNull();
  });
});
