/**
 * The fault matrix of a push: each system failing at its worst moment, and what the caller is told
 * and what is left behind. Destructive faults hit systems of the test's own — a throw-away Prefect
 * server (SIGSTOP hangs it, SIGKILL downs it), a TCP relay in front of PostgreSQL that is cut as if
 * the database died, local HTTP servers standing in for AWS endpoints that throttle, hang or are
 * gone — so the shared stack other tests use keeps running. Deadlines are short here (3 s Prefect,
 * 500 ms AWS) to keep the matrix fast; production's defaults are in README "Deadlines".
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { ECSClient } from "@aws-sdk/client-ecs";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import { createAuditRecorder, testSeams } from "@/lib/audit/recorder";
import { openPostgresAuditStore } from "@/lib/audit/postgres-store";
import type { AuditStore } from "@/lib/audit/store";
import { publicServerUrl } from "@/lib/audit/recorder";
import { awsDeadlines, createEcsContext } from "@/lib/ecs/context";
import { readSnapshot } from "@/lib/ecs/read-snapshot";
import { createPrefectClient, type PrefectClient } from "@/lib/prefect/client";
import { createWorkPool, readWorkPool } from "@/lib/prefect/work-pools";
import type { JsonObject } from "@/lib/template/types";
import { freePort } from "@/testing/free-port";
import { startTcpProxy, type TcpProxy } from "@/testing/tcp-proxy";
import { startThrowawayPrefect, type ThrowawayPrefect } from "@/testing/throwaway-prefect";
import { templateHash } from "./changes";
import { pushPoolTemplate } from "./update-pool";
import type { SnapshotReader } from "./verdict";

const PREFECT_DEADLINE_MS = 3000;
const noCluster: SnapshotReader = async (cluster) => ({ problem: `${cluster} is not read here` });

function template(cpu: number): JsonObject {
  const t = structuredClone(ecsDefault) as unknown as {
    variables: { properties: Record<string, JsonObject> };
  };
  t.variables.properties.cpu!.default = cpu;
  return t as unknown as JsonObject;
}

// PostgreSQL of scripts/postgres.sh, reached through a relay the tests can cut; a database of
// this run's own, dropped afterwards
const pgPort = Number(process.env.POOLDECK_PG_PORT ?? 5433);
const admin = `postgres://pooldeck@127.0.0.1:${pgPort}/pooldeck`;
const database = `pooldeck_faults_${randomBytes(4).toString("hex")}`;
async function onAdmin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

let prefect: ThrowawayPrefect;
let client: PrefectClient;
// setting up and reading back is not under test: a patient client
let setup: PrefectClient;
let relay: TcpProxy;
let store: AuditStore;
const audit = () =>
  createAuditRecorder({
    store: async () => store,
    operator: { id: "faults", displayName: "fault tests" },
    prefectServer: prefect.apiUrl,
    lockTimeoutMs: 2000,
  });
const history = (pool: string) => store.listForPool(publicServerUrl(prefect.apiUrl), pool);

async function newPool(name: string, cpu: number) {
  const pool = await createWorkPool(setup, {
    name,
    type: "ecs",
    base_job_template: template(cpu),
  });
  return {
    name,
    loadedUpdated: pool.updated,
    loadedTemplateHash: templateHash(pool.base_job_template as JsonObject),
    overrideErrors: name,
  };
}

beforeAll(async () => {
  await onAdmin(`CREATE DATABASE ${database}`);
  relay = await startTcpProxy({ host: "127.0.0.1", port: pgPort });
  store = await openPostgresAuditStore(`postgres://pooldeck@127.0.0.1:${relay.port}/${database}`);
  prefect = await startThrowawayPrefect();
  setup = createPrefectClient({ apiUrl: prefect.apiUrl, cloud: null });
  client = createPrefectClient(
    { apiUrl: prefect.apiUrl, cloud: null },
    { timeoutMs: PREFECT_DEADLINE_MS, retry: { maxAttempts: 3, baseDelayMs: 50 } },
  );
}, 180_000);

afterEach(() => {
  delete testSeams.beforeWrite;
  delete testSeams.beforeCompletion;
});

afterAll(async () => {
  prefect?.signal("SIGCONT");
  await prefect?.stop();
  await store?.close().catch(() => undefined);
  await relay?.close().catch(() => undefined);
  await onAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe("Prefect hanging (SIGSTOP)", () => {
  it("during a page's read: the read fails within its deadline, naming Prefect", async () => {
    const input = await newPool("faults-hang-read", 256);
    prefect.signal("SIGSTOP");
    try {
      await expect(readWorkPool(client, input.name)).rejects.toThrow(
        `Prefect at ${prefect.apiUrl} did not answer within 3 s`,
      );
    } finally {
      prefect.signal("SIGCONT");
    }
  });

  it("during a push, after the pending entry: the outcome is recorded and said to be unknown, never succeeded", async () => {
    const input = await newPool("faults-hang-push", 256);
    testSeams.beforeWrite = async () => prefect.signal("SIGSTOP");
    let failure: unknown;
    try {
      failure = await pushPoolTemplate(
        client,
        audit(),
        { ...input, template: template(512) },
        noCluster,
      ).catch((e: unknown) => e);
    } finally {
      prefect.signal("SIGCONT");
    }
    expect(failure).toMatchObject({
      failure: {
        ok: false,
        error: `Prefect at ${prefect.apiUrl} did not answer within 3 s. Whether Prefect stored this change is unknown (the audit history records it as unknown): reload to see what Prefect holds before pushing again. Your edit is kept.`,
      },
    });
    const [entry] = await history(input.name);
    expect([entry?.outcome, entry?.after]).toEqual([
      "unknown",
      { base_job_template: template(512) },
    ]);
    // resumed, Prefect may still apply the PATCH it had received: either way the history holds it
    const held = (await readWorkPool(setup, input.name)).base_job_template;
    expect([template(256), template(512)]).toContainEqual(held);
  });
});

describe("PostgreSQL killed mid-push", () => {
  it("between the pending entry and the PATCH: Prefect's write still has its pending entry", async () => {
    const input = await newPool("faults-pg-before-patch", 256);
    testSeams.beforeWrite = () => relay.kill();
    try {
      const result = await pushPoolTemplate(
        client,
        audit(),
        { ...input, template: template(1024) },
        noCluster,
      );
      expect(result.changed).toBe(true);
    } finally {
      await relay.revive();
    }
    expect((await readWorkPool(setup, input.name)).base_job_template).toEqual(template(1024));
    const [entry] = await history(input.name);
    expect([entry?.outcome, entry?.after]).toEqual([
      "pending",
      { base_job_template: template(1024) },
    ]);
  });

  it("between the PATCH and the completion: the entry stays pending (not succeeded) with the change", async () => {
    const input = await newPool("faults-pg-before-completion", 256);
    testSeams.beforeCompletion = () => relay.kill();
    try {
      await pushPoolTemplate(client, audit(), { ...input, template: template(2048) }, noCluster);
    } finally {
      await relay.revive();
    }
    expect((await readWorkPool(setup, input.name)).base_job_template).toEqual(template(2048));
    const [entry] = await history(input.name);
    expect([entry?.outcome, entry?.after]).toEqual([
      "pending",
      { base_job_template: template(2048) },
    ]);
  });

  it("before the push: nothing is sent to Prefect, and the refusal names the audit history", async () => {
    const input = await newPool("faults-pg-down", 256);
    await relay.kill();
    try {
      await expect(
        pushPoolTemplate(client, audit(), { ...input, template: template(4096) }, noCluster),
      ).rejects.toThrow(
        /^Nothing was sent to Prefect: the audit history cannot record this change/,
      );
    } finally {
      await relay.revive();
    }
    expect((await readWorkPool(setup, input.name)).base_job_template).toEqual(template(256));
  });
});

describe("AWS failing during the checks of a push", () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));
  async function fakeEndpoint(answer: (count: number) => ((res: ServerResponse) => void) | null) {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls += 1;
      answer(calls)?.(res);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return {
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      calls: () => calls,
    };
  }
  const reader = (endpoint: string): SnapshotReader => {
    const ctx = createEcsContext({
      client: (region) =>
        new ECSClient({
          region,
          endpoint,
          maxAttempts: 1,
          credentials: { accessKeyId: "AKIAFAULTS", secretAccessKey: "faults" },
          ...awsDeadlines({ prefectMs: 1000, awsMs: 500, pushLockMs: 1000 }),
        }),
      retry: {
        retries: 2,
        baseDelayMs: 10,
        maxDelayMs: 20,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        random: () => 0.5,
      },
    });
    return (cluster) => readSnapshot({ cluster, region: "us-east-1" }, { ctx });
  };

  it("throttling on every call until the retries are exhausted: the push lands, saying the cluster checks were skipped and why", async () => {
    // AWS's JSON protocol answer to a throttled call (ECS API reference, Common Errors)
    const aws = await fakeEndpoint(() => (res) => {
      res.writeHead(400, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-errortype": "ThrottlingException",
      });
      res.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
    });
    const problem = await reader(aws.endpoint)("demo-cluster");
    expect(problem).toEqual({
      problem:
        "AWS throttled ecs:DescribeClusters and kept throttling after several retries. Other tools share this account's ECS read rate; refresh in a moment.",
    });
    // the snapshot's three first reads, each tried three times (two retries)
    expect(aws.calls()).toBe(9);
  });

  it("the ECS endpoint down, or hanging past its deadline: named as the ECS endpoint", async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    expect(await reader(down)("demo-cluster")).toEqual({
      problem: "The ECS endpoint did not answer (ECONNREFUSED).",
    });
    const hanging = await fakeEndpoint(() => null);
    expect(await reader(hanging.endpoint)("demo-cluster")).toEqual({
      problem: "The ECS endpoint did not answer (ETIMEDOUT).",
    });
  });
});

describe("Prefect down (killed)", () => {
  it("a push reads first: it fails naming Prefect, nothing is recorded or written", async () => {
    const input = await newPool("faults-down", 256);
    const before = (await history(input.name)).length;
    prefect.signal("SIGKILL");
    await expect(
      pushPoolTemplate(client, audit(), { ...input, template: template(512) }, noCluster),
    ).rejects.toThrow(`Prefect is not reachable at ${prefect.apiUrl} (connection refused`);
    expect((await history(input.name)).length).toBe(before);
  });
});
