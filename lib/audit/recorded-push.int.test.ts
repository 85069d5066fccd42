/**
 * Every push path records its change: lib/push against the real Prefect server of the local stack
 * (POOLDECK_PREFECT_PORT), recorded in a real SQLite audit store, each entry compared with what
 * Prefect returns.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import { expectData } from "@/lib/prefect/client";
import { readDeployment } from "@/lib/prefect/deployments";
import { cleanUpByPrefix, localTestClient, uniquePrefix } from "@/testing/prefect";
import { readWorkPool } from "@/lib/prefect/work-pools";
import { templateHash } from "@/lib/push/changes";
import { saveDeploymentJobVariables } from "@/lib/push/deployment-job-variables";
import { createEcsPool, setPoolStatus } from "@/lib/push/pool-writes";
import { pushPoolTemplate } from "@/lib/push/update-pool";
import type { SnapshotReader } from "@/lib/push/verdict";
import type { JsonObject } from "@/lib/template/types";
import { createAuditRecorder, publicServerUrl } from "./recorder";
import { openSqliteAuditStore } from "./sqlite-store";

const client = localTestClient();
const prefix = uniquePrefix("audit");
const store = openSqliteAuditStore(join(mkdtempSync(join(tmpdir(), "pd-audit-")), "a.sqlite"));
const audit = createAuditRecorder({
  store: async () => store,
  operator: { id: "alice", displayName: "Alice Admin" },
  prefectServer: client.apiUrl,
});
const server = publicServerUrl(client.apiUrl);
const noCluster: SnapshotReader = async (cluster) => ({ problem: `${cluster} is not read here` });
const history = (pool: string) => store.listForPool(server, pool);

function template(cpu: number): JsonObject {
  const t = structuredClone(ecsDefault) as unknown as {
    variables: { properties: Record<string, JsonObject> };
  };
  t.variables.properties.cpu!.default = cpu;
  return t as unknown as JsonObject;
}

beforeAll(() => cleanUpByPrefix(client, prefix));
afterAll(async () => {
  await cleanUpByPrefix(client, prefix);
  await store.close();
});

describe("recorded pushes", () => {
  const name = `${prefix}pool`;

  it("records a pool's creation, a failed duplicate creation, template, status and limit changes", async () => {
    await createEcsPool(
      client,
      audit,
      { name, type: "ecs", from: { template: template(256) }, overrideErrors: name },
      noCluster,
    );
    await expect(
      createEcsPool(
        client,
        audit,
        { name, type: "ecs", from: { template: template(256) }, overrideErrors: name },
        noCluster,
      ),
    ).rejects.toMatchObject({ kind: "conflict" });
    const created = await readWorkPool(client, name);
    await pushPoolTemplate(
      client,
      audit,
      {
        name,
        template: template(512),
        loadedUpdated: created.updated,
        loadedTemplateHash: templateHash(created.base_job_template as JsonObject),
        overrideErrors: name,
      },
      noCluster,
    );
    await setPoolStatus(client, audit, name, { is_paused: true });
    await setPoolStatus(client, audit, name, { is_paused: false });
    await setPoolStatus(client, audit, name, { concurrency_limit: 5 });
    // nothing to change: nothing sent, nothing recorded
    await setPoolStatus(client, audit, name, { concurrency_limit: 5 });

    const entries = await history(name);
    expect(entries.map((e) => [e.kind, e.outcome])).toEqual([
      ["pool.concurrency", "succeeded"],
      ["pool.resume", "succeeded"],
      ["pool.pause", "succeeded"],
      ["pool.update", "succeeded"],
      ["pool.create", "failed"],
      ["pool.create", "succeeded"],
    ]);
    const [limit, resume, pause, update, duplicate, create] = entries;
    expect([limit?.before, limit?.after]).toEqual([
      { concurrency_limit: null },
      { concurrency_limit: 5 },
    ]);
    expect([resume?.before, resume?.after]).toEqual([{ is_paused: true }, { is_paused: false }]);
    expect([pause?.before, pause?.after]).toEqual([{ is_paused: false }, { is_paused: true }]);
    expect(update?.before).toEqual({ base_job_template: template(256) });
    expect(update?.after).toEqual({ base_job_template: template(512) });
    expect(update?.after).toEqual({
      base_job_template: (await readWorkPool(client, name)).base_job_template,
    });
    expect(duplicate?.error).toMatch(/already exists/);
    expect(create?.before).toBeNull();
    expect(create?.after).toEqual({ type: "ecs", base_job_template: template(256) });
    for (const e of entries) {
      expect(e.operator).toEqual({ id: "alice", displayName: "Alice Admin" });
      expect(e.prefectServer).toBe(server);
      expect(e.pool).toBe(name);
      expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 120_000);
    }
  });

  it("records a deployment's job_variables under its pool", async () => {
    const flow = await expectData(
      client,
      "create flow",
      client.api.POST("/flows/", { body: { name: `${prefix}flow` } }),
    );
    const created = await expectData(
      client,
      "create deployment",
      client.api.POST("/deployments/", {
        body: {
          name: `${prefix}dep`,
          flow_id: flow.id,
          work_pool_name: name,
          job_variables: { launch_type: "EC2" },
        },
      }),
    );
    await saveDeploymentJobVariables(
      client,
      audit,
      {
        id: created.id,
        poolName: name,
        jobVariables: { launch_type: "FARGATE", cpu: 1024 },
        loadedUpdated: (await readDeployment(client, created.id)).updated,
      },
      noCluster,
    );
    const [entry] = await history(name);
    expect(entry).toMatchObject({
      kind: "deployment.job_variables",
      pool: name,
      deployment: { id: created.id, name: `${prefix}dep` },
      before: { job_variables: { launch_type: "EC2" } },
      after: { job_variables: { launch_type: "FARGATE", cpu: 1024 } },
      outcome: "succeeded",
    });
  });

  it("records a push refused because the pool changed since it was loaded, with Prefect's version", async () => {
    const loaded = await readWorkPool(client, name);
    const stale = {
      name,
      template: template(4096),
      loadedUpdated: "2020-01-01T00:00:00.000000Z",
      loadedTemplateHash: templateHash(loaded.base_job_template as JsonObject),
      overrideErrors: name,
    };
    await expect(pushPoolTemplate(client, audit, stale, noCluster)).rejects.toMatchObject({
      failure: { conflict: { remote: { template: loaded.base_job_template } } },
    });
    const [entry] = await history(name);
    expect(entry).toMatchObject({
      kind: "pool.update",
      before: { base_job_template: loaded.base_job_template },
      after: { base_job_template: template(4096) },
      outcome: "failed",
      error: `Pool ${name} changed in Prefect since you loaded it (updated ${loaded.updated}). Nothing was pushed; compare both versions and carry your edit over.`,
    });
  });

  it("refuses a push while another push of the pool holds its lock, sending nothing", async () => {
    const loaded = await readWorkPool(client, name);
    const impatient = createAuditRecorder({
      store: async () => store,
      operator: { id: "bob", displayName: "Bob" },
      prefectServer: client.apiUrl,
      lockTimeoutMs: 200,
    });
    const input = {
      name,
      template: template(8192),
      loadedUpdated: loaded.updated,
      loadedTemplateHash: templateHash(loaded.base_job_template as JsonObject),
      overrideErrors: name,
    };
    const before = (await history(name)).length;
    // another instance's push holds the pool's lock (the key every instance derives alike)
    await store.withLock(`${server} pool ${name}`, 1000, async () => {
      await expect(pushPoolTemplate(client, impatient, input, noCluster)).rejects.toMatchObject({
        failure: {
          error: `Another push of pool ${name} is in progress (from another tab, Pooldeck instance or the CLI) and did not finish within 200 ms. Nothing was sent; your edit is kept. Push again in a moment.`,
        },
      });
    });
    expect((await readWorkPool(client, name)).base_job_template).toEqual(loaded.base_job_template);
    expect((await history(name)).length).toBe(before);
    // once free, the same push lands
    await pushPoolTemplate(client, impatient, input, noCluster);
    expect((await readWorkPool(client, name)).base_job_template).toEqual(template(8192));
  });
});
