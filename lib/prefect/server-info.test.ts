/**
 * getServerInfo over local HTTP for what the local stack cannot show: a Prefect Cloud workspace
 * URL (no version endpoint) and a server that answers 5xx. The healthy self-hosted case runs
 * against the real server in work-pools.int.test.ts, basic auth in auth-csrf.int.test.ts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, expect, it } from "vitest";

import { createPrefectClient } from "./client";
import { getServerInfo } from "./server-info";

const ACCOUNT = "11111111-1111-1111-1111-111111111111";
const WORKSPACE = "22222222-2222-2222-2222-222222222222";

let server: Server;
let base = "";
let health: { status: number; body: unknown } = { status: 200, body: true };

beforeAll(async () => {
  server = createServer((req, res) => {
    const [status, body] = req.url?.endsWith("/health")
      ? [health.status, health.body]
      : [404, { detail: "Not Found" }];
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("Cloud: healthy without a version is no problem", async () => {
  health = { status: 200, body: true };
  const apiUrl = `${base}/accounts/${ACCOUNT}/workspaces/${WORKSPACE}`;
  const client = createPrefectClient({
    apiUrl,
    apiKey: "pnu_x",
    cloud: { accountId: ACCOUNT, workspaceId: WORKSPACE },
  });
  expect(await getServerInfo(client)).toEqual({
    apiUrl,
    auth: "bearer",
    cloud: { accountId: ACCOUNT, workspaceId: WORKSPACE },
    healthy: true,
    version: null,
    problem: null,
  });
});

it("self-hosted: the first failure (health) is the problem", async () => {
  health = { status: 500, body: { exception_message: "Internal Server Error" } };
  const client = createPrefectClient({ apiUrl: base, cloud: null });
  expect(await getServerInfo(client)).toEqual({
    apiUrl: base,
    auth: "none",
    cloud: null,
    healthy: false,
    version: null,
    problem: {
      kind: "server",
      status: 500,
      message:
        "Could not check Prefect's health: Prefect answered with a server error: Internal Server Error (500)",
    },
  });
});
