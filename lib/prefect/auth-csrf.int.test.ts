/**
 * Basic auth and CSRF against a real Prefect server started here from .venv with
 * PREFECT_SERVER_API_AUTH_STRING and PREFECT_SERVER_CSRF_PROTECTION_ENABLED (the local stack runs
 * without both). Costs one extra server start (20–40 s on a busy machine).
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startThrowawayPrefect, type ThrowawayPrefect } from "@/testing/throwaway-prefect";
import { createPrefectClient } from "./client";
import { PrefectError } from "./errors";
import { getServerInfo } from "./server-info";
import { readWorkPool, updateWorkPool, createWorkPool } from "./work-pools";

const AUTH = "admin:s3cret";

let server: ThrowawayPrefect | undefined;
let apiUrl = "";

beforeAll(async () => {
  const started = performance.now();
  server = await startThrowawayPrefect({
    env: {
      PREFECT_SERVER_API_AUTH_STRING: AUTH,
      PREFECT_SERVER_CSRF_PROTECTION_ENABLED: "true",
    },
    authString: AUTH,
  });
  apiUrl = server.apiUrl;
  console.info(
    `Prefect with basic auth and CSRF started in ${Math.round(performance.now() - started)} ms`,
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
}, 30_000);

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
