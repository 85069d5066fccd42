/**
 * Transport behaviour against a real HTTP server on 127.0.0.1 that answers what each test scripts:
 * status codes, Retry-After, dropped connections, silence. It checks what our client does on the
 * wire (attempts, waits, headers, errors), not Prefect's behaviour (see *.int.test.ts for that).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createPrefectClient, expectData, expectNoContent } from "./client";
import { PrefectError } from "./errors";
import { authHeaders, parseRetryAfter } from "./transport";

type Step = (req: IncomingMessage, res: ServerResponse) => void;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

let server: Server;
let apiUrl: string;
let steps: Step[] = [];
let seen: Seen[] = [];
let csrfRequests = 0;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
const noContent: Step = (_req, res) => {
  res.writeHead(204);
  res.end();
};
const dropConnection: Step = (req) => {
  req.socket.destroy();
};
const silence: Step = () => {
  // never answer: the client's timeout must fire
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.url?.startsWith("/api/csrf-token?")) {
        // what a Prefect server with CSRF protection off (the default) answers
        csrfRequests++;
        json(422, { detail: "CSRF protection is disabled." })(req, res);
        return;
      }
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        at: Date.now(),
      });
      const step = steps.shift() ?? json(500, { detail: "test server: no step left" });
      step(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  steps = [];
  seen = [];
  csrfRequests = 0;
});

const fast = { retry: { baseDelayMs: 10, maxDelayMs: 40 } };
const selfHosted = (extra: { apiKey?: string; authString?: string } = {}) =>
  createPrefectClient({ apiUrl, cloud: null, ...extra }, fast);

async function caught(p: Promise<unknown>): Promise<PrefectError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PrefectError) return err;
    throw err;
  }
  throw new Error("expected a PrefectError, but the call succeeded");
}

describe("auth headers", () => {
  it("builds basic, bearer and no Authorization header", () => {
    expect(authHeaders({ kind: "basic", authString: "admin:pä:ss" })).toEqual({
      Authorization: `Basic ${Buffer.from("admin:pä:ss", "utf8").toString("base64")}`,
    });
    expect(authHeaders({ kind: "basic", authString: "admin:s3cret" })).toEqual({
      Authorization: "Basic YWRtaW46czNjcmV0",
    });
    expect(authHeaders({ kind: "bearer", apiKey: "pnu_abc" })).toEqual({
      Authorization: "Bearer pnu_abc",
    });
    expect(authHeaders({ kind: "none" })).toEqual({});
  });

  it("sends the configured credentials on every request", async () => {
    steps = [json(200, "3.9.1"), json(200, "3.9.1"), json(200, "3.9.1")];
    await selfHosted({ authString: "admin:s3cret" }).api.GET("/admin/version");
    await selfHosted({ apiKey: "pnu_abc" }).api.GET("/admin/version");
    await selfHosted().api.GET("/admin/version");
    expect(seen.map((s) => s.headers.authorization)).toEqual([
      "Basic YWRtaW46czNjcmV0",
      "Bearer pnu_abc",
      undefined,
    ]);
    expect(seen.map((s) => s.url)).toEqual([
      "/api/admin/version",
      "/api/admin/version",
      "/api/admin/version",
    ]);
  });

  it("uses the Cloud workspace URL as base and no CSRF token request", async () => {
    const cloudUrl = `${apiUrl}/accounts/11111111-1111-1111-1111-111111111111/workspaces/22222222-2222-2222-2222-222222222222`;
    const client = createPrefectClient(
      {
        apiUrl: cloudUrl,
        apiKey: "pnu_key",
        cloud: {
          accountId: "11111111-1111-1111-1111-111111111111",
          workspaceId: "22222222-2222-2222-2222-222222222222",
        },
      },
      fast,
    );
    steps = [noContent];
    await expectNoContent(
      client,
      "update",
      client.api.PATCH("/work_pools/{name}", { params: { path: { name: "p" } }, body: {} }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(
      "/api/accounts/11111111-1111-1111-1111-111111111111/workspaces/22222222-2222-2222-2222-222222222222/work_pools/p",
    );
    expect(seen[0]!.headers.authorization).toBe("Bearer pnu_key");
    expect(seen[0]!.headers["prefect-csrf-token"]).toBeUndefined();
  });
});

describe("CSRF", () => {
  it("asks a self-hosted server for a token once, before the first write, and remembers that it is off", async () => {
    const client = selfHosted();
    steps = [json(200, "3.9.1"), noContent, noContent];
    await client.api.GET("/admin/version");
    expect(csrfRequests).toBe(0);
    await client.api.PATCH("/work_pools/{name}", { params: { path: { name: "p" } }, body: {} });
    await client.api.PATCH("/work_pools/{name}", { params: { path: { name: "p" } }, body: {} });
    expect(csrfRequests).toBe(1);
    expect(seen.map((s) => s.headers["prefect-csrf-token"])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-27T18:00:00Z");
  it.each([
    ["3", 3000],
    ["0", 0],
    [" 2 ", 2000],
    ["1.5", 1500],
    ["Fri, 27 Nov 2026 18:00:05 GMT", 5000],
    ["Fri, 27 Nov 2026 17:59:00 GMT", 0],
    ["soon", null],
    ["-1", null],
  ])("%j → %j ms", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
  it("null header → null", () => expect(parseRetryAfter(null, now)).toBeNull());
});

describe("retries", () => {
  it("retries 503 and 502 with backoff and returns the later success", async () => {
    steps = [json(503, { detail: "busy" }), json(502, "bad gateway"), json(200, "3.9.1")];
    const client = selfHosted();
    await expect(
      expectData(client, "read version", client.api.GET("/admin/version")),
    ).resolves.toBe("3.9.1");
    expect(seen).toHaveLength(3);
  });

  it("waits the seconds a 429 Retry-After asks for", async () => {
    steps = [json(429, { detail: "slow down" }, { "Retry-After": "1" }), json(200, "3.9.1")];
    const client = selfHosted();
    await expectData(client, "read version", client.api.GET("/admin/version"));
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it("waits until a Retry-After HTTP date", async () => {
    // HTTP dates have whole seconds: ask for 2 s from now, so the wait is between 1 and 2 s
    const until = new Date(Date.now() + 2000).toUTCString();
    steps = [json(503, "maintenance", { "Retry-After": until }), json(200, "3.9.1")];
    const client = selfHosted();
    await expectData(client, "read version", client.api.GET("/admin/version"));
    const waited = seen[1]!.at - seen[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(2500);
  });

  it("does not wait for a Retry-After beyond the limit and reports the rate limit", async () => {
    steps = [json(429, { detail: "slow down" }, { "Retry-After": "3600" })];
    const client = selfHosted();
    const err = await caught(
      expectData(client, "list work pools", client.api.POST("/work_pools/filter", { body: {} })),
    );
    expect(seen).toHaveLength(1);
    expect(err.kind).toBe("rate-limited");
    expect(err.status).toBe(429);
    expect(err.message).toBe(
      "Could not list work pools: Prefect is rate limiting requests; try again shortly (429)",
    );
  });

  it("gives up after maxAttempts and reports the last status", async () => {
    steps = [
      json(502, "x"),
      json(502, "x"),
      json(502, "x"),
      json(502, { detail: "upstream down" }),
    ];
    const client = createPrefectClient(
      { apiUrl, cloud: null },
      { retry: { baseDelayMs: 10, maxAttempts: 4 } },
    );
    const err = await caught(expectData(client, "read version", client.api.GET("/admin/version")));
    expect(seen).toHaveLength(4);
    expect(err.kind).toBe("server");
    expect(err.message).toBe(
      "Could not read version: Prefect answered with a server error: upstream down (502)",
    );
  });

  it("does not retry a 500", async () => {
    steps = [json(500, { exception_message: "Internal Server Error" })];
    const client = selfHosted();
    const err = await caught(expectData(client, "read version", client.api.GET("/admin/version")));
    expect(seen).toHaveLength(1);
    expect(err.message).toBe(
      "Could not read version: Prefect answered with a server error: Internal Server Error (500)",
    );
  });

  it("repeats reads after a dropped connection but never a create", async () => {
    const client = selfHosted();
    steps = [dropConnection, json(200, [])];
    await expect(
      expectData(client, "list", client.api.POST("/work_pools/filter", { body: {} })),
    ).resolves.toEqual([]);
    expect(seen.map((s) => s.url)).toEqual(["/api/work_pools/filter", "/api/work_pools/filter"]);

    seen = [];
    steps = [dropConnection, json(201, {})];
    const err = await caught(client.api.POST("/work_pools/", { body: { name: "p", type: "ecs" } }));
    expect(seen).toHaveLength(1);
    expect(err.kind).toBe("unreachable");
    expect(err.message).toMatch(new RegExp(`^Prefect is not reachable at ${apiUrl} \\(`));
  });

  it("sends the same body on every attempt", async () => {
    steps = [json(503, "x"), noContent];
    const client = selfHosted();
    await expectNoContent(
      client,
      "update",
      client.api.PATCH("/work_pools/{name}", {
        params: { path: { name: "p" } },
        body: { description: "d" },
      }),
    );
    expect(seen.map((s) => [s.method, s.body])).toEqual([
      ["PATCH", '{"description":"d"}'],
      ["PATCH", '{"description":"d"}'],
    ]);
  });
});

describe("network failures", () => {
  it("leaves a caller's abort to the caller", async () => {
    steps = [silence];
    const client = selfHosted();
    const controller = new AbortController();
    const pending = client.api.GET("/health", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("page closed")), 100);
    await expect(pending).rejects.toThrow("page closed");
    expect(seen).toHaveLength(1);
  });

  it("names the URL when nothing listens there", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createPrefectClient(
      { apiUrl: `http://127.0.0.1:${port}/api`, cloud: null },
      fast,
    );
    const err = await caught(client.api.GET("/health"));
    expect(err.kind).toBe("unreachable");
    expect(err.status).toBeNull();
    expect(err.message).toBe(
      `Prefect is not reachable at http://127.0.0.1:${port}/api (connection refused)`,
    );
  });

  it("stops waiting after the timeout", async () => {
    steps = [silence];
    const client = createPrefectClient({ apiUrl, cloud: null }, { ...fast, timeoutMs: 300 });
    const err = await caught(client.api.GET("/health"));
    expect(err.kind).toBe("timeout");
    expect(err.message).toBe(`Prefect at ${apiUrl} did not answer within 300 ms`);
  });
});
