/**
 * Basic auth and CSRF against a real Prefect server started here from .venv with
 * PREFECT_SERVER_API_AUTH_STRING and PREFECT_SERVER_CSRF_PROTECTION_ENABLED (the local stack runs
 * without both). Costs one extra server start (20–40 s on a busy machine).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrefectClient } from "./client";
import { PrefectError } from "./errors";
import { getServerInfo } from "./server-info";
import { readWorkPool, updateWorkPool, createWorkPool } from "./work-pools";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const AUTH = "admin:s3cret";

let server: ChildProcess | undefined;
let home = "";
let apiUrl = "";

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function waitForHealth(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const log = await readFile(join(home, "server.log"), "utf8").catch(() => "");
  throw new Error(
    `the Prefect server at ${url} did not become healthy; log tail:\n${log.slice(-2000)}`,
  );
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), "pooldeck-prefect-auth-"));
  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}/api`;
  const log = openSync(join(home, "server.log"), "w");
  server = spawn(
    join(ROOT, ".venv/bin/prefect"),
    [
      "server",
      "start",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--no-services",
      "--no-ui",
      "--analytics-off",
    ],
    {
      // only what the server needs: an inherited PREFECT_API_URL or profile must not leak in
      // (NODE_ENV only because Next's types make it a required key of ProcessEnv)
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH,
        HOME: home,
        PREFECT_HOME: home,
        PREFECT_API_DATABASE_CONNECTION_URL: `sqlite+aiosqlite:///${home}/prefect.db`,
        PREFECT_SERVER_ANALYTICS_ENABLED: "false",
        PREFECT_SERVER_API_AUTH_STRING: AUTH,
        PREFECT_SERVER_CSRF_PROTECTION_ENABLED: "true",
      },
      stdio: ["ignore", log, log],
      // own process group, so afterAll can stop the server and its children together
      detached: true,
    },
  );
  const started = performance.now();
  await waitForHealth(apiUrl, 150_000);
  console.info(
    `Prefect with basic auth and CSRF started in ${Math.round(performance.now() - started)} ms`,
  );
}, 180_000);

afterAll(async () => {
  const pid = server?.pid;
  if (pid && server?.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    stopGroup(pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    stopGroup(pid, "SIGKILL");
  }
  if (home) await rm(home, { recursive: true, force: true });
});

function stopGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    // ESRCH: the group is already gone
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

async function caught(p: Promise<unknown>): Promise<PrefectError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PrefectError) return err;
    throw err;
  }
  throw new Error("expected a PrefectError, but the call succeeded");
}

/** A client whose requests are recorded (URL, method, CSRF headers). */
function recordingClient(authString?: string) {
  const calls: { method: string; path: string; token: string | null; clientId: string | null }[] =
    [];
  const client = createPrefectClient(
    { apiUrl, cloud: null, authString },
    {
      retry: { baseDelayMs: 50 },
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        calls.push({
          method: init?.method ?? "GET",
          path: new URL(String(input)).pathname.replace(/^\/api/, ""),
          token: headers.get("Prefect-Csrf-Token"),
          clientId: headers.get("Prefect-Csrf-Client"),
        });
        return fetch(input, init);
      },
    },
  );
  return { client, calls };
}

describe("basic auth", () => {
  it("without credentials: healthy (health is open) but unauthorized, and says what to set", async () => {
    const { client } = recordingClient();
    expect(await getServerInfo(client)).toEqual({
      apiUrl,
      auth: "none",
      cloud: null,
      healthy: true,
      version: null,
      problem: {
        kind: "unauthorized",
        status: 401,
        message: `Could not read the Prefect server version: Prefect at ${apiUrl} requires authentication; set PREFECT_API_AUTH_STRING (self-hosted) or PREFECT_API_KEY (Cloud) (401)`,
      },
    });
  });

  it("with wrong credentials: names PREFECT_API_AUTH_STRING, for reads and writes", async () => {
    const { client } = recordingClient("admin:wrong");
    const read = await caught(readWorkPool(client, "any"));
    expect([read.kind, read.message]).toEqual([
      "unauthorized",
      `Could not read work pool "any": Prefect at ${apiUrl} rejected the credentials; check PREFECT_API_AUTH_STRING (401)`,
    ]);
    const write = await caught(createWorkPool(client, { name: "any", type: "ecs" }));
    expect([write.kind, write.message]).toEqual([
      "unauthorized",
      `Could not create work pool "any": Prefect at ${apiUrl} rejected the credentials; check PREFECT_API_AUTH_STRING (401)`,
    ]);
  });

  it("with the right credentials: version readable", async () => {
    const { client } = recordingClient(AUTH);
    const info = await getServerInfo(client);
    expect([info.healthy, info.problem, info.auth]).toEqual([true, null, "basic"]);
    expect(info.version).toMatch(/^3\.\d+\.\d+/);
  });
});

describe("CSRF", () => {
  it("the server refuses a write without a token", async () => {
    const res = await fetch(`${apiUrl}/work_pools/`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(AUTH).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ name: "no-token", type: "ecs" }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ detail: "Missing CSRF token." });
  });

  it("fetches one token before the first write, sends it with every write, none with reads", async () => {
    const { client, calls } = recordingClient(AUTH);
    await readWorkPool(client, "csrf-pool").catch((err: unknown) => {
      if (!(err instanceof PrefectError && err.kind === "not-found")) throw err;
    });
    await createWorkPool(client, { name: "csrf-pool", type: "ecs" });
    await updateWorkPool(client, "csrf-pool", { description: "one" });
    await updateWorkPool(client, "csrf-pool", { description: "two" });
    expect((await readWorkPool(client, "csrf-pool")).description).toBe("two");

    const tokenCalls = calls.filter((c) => c.path === "/csrf-token");
    expect(tokenCalls).toHaveLength(1);
    const writes = calls.filter((c) => c.method !== "GET");
    expect(writes.map((c) => [c.method, c.path])).toEqual([
      ["POST", "/work_pools/"],
      ["PATCH", "/work_pools/csrf-pool"],
      ["PATCH", "/work_pools/csrf-pool"],
    ]);
    expect(writes.every((c) => c.token && c.clientId)).toBe(true);
    expect(
      calls
        .filter((c) => c.method === "GET" && c.path !== "/csrf-token")
        .every((c) => c.token === null),
    ).toBe(true);
  });

  it("renews a token the server no longer accepts and repeats the write once", async () => {
    const { client, calls } = recordingClient(AUTH);
    await updateWorkPool(client, "csrf-pool", { description: "three" });
    const clientId = calls.find((c) => c.clientId)?.clientId;
    expect(clientId).toBeTruthy();
    // asking for a token for the same client id replaces the stored one, so ours goes stale
    const rotated = await fetch(`${apiUrl}/csrf-token?client=${clientId}`, {
      headers: { Authorization: `Basic ${Buffer.from(AUTH).toString("base64")}` },
    });
    expect(rotated.status).toBe(200);

    calls.length = 0;
    await updateWorkPool(client, "csrf-pool", { description: "four" });
    expect(calls.map((c) => [c.method, c.path])).toEqual([
      ["PATCH", "/work_pools/csrf-pool"],
      ["GET", "/csrf-token"],
      ["PATCH", "/work_pools/csrf-pool"],
    ]);
    expect(calls[0]!.token).not.toBe(calls[2]!.token);
    expect((await readWorkPool(client, "csrf-pool")).description).toBe("four");
  });
});
