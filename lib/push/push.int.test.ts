/**
 * The push actions' core logic against the real Prefect server of the local stack
 * (POOLDECK_PREFECT_PORT, default 4200). Pools, flows and deployments carry a per-run prefix and
 * are deleted afterwards. The cluster reader is a closure saying "not readable", so these tests
 * do not depend on the ECS emulator; cluster-aware checks have their own tests.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import { ActionRefusal } from "@/lib/outcome/refusal";
import { createAuditRecorder } from "@/lib/audit/recorder";
import { openSqliteAuditStore } from "@/lib/audit/sqlite-store";
import type { ActionFailure } from "@/lib/outcome/types";
import { expectData } from "@/lib/prefect/client";
import { readDeployment } from "@/lib/prefect/deployments";
import { cleanUpByPrefix, localTestClient, uniquePrefix } from "@/testing/prefect";
import { createWorkPool, readWorkPool, updateWorkPool } from "@/lib/prefect/work-pools";
import type { JsonObject } from "@/lib/template/types";
import { templateHash } from "./changes";
import { saveDeploymentJobVariables } from "./deployment-job-variables";
import { createEcsPool, setPoolStatus } from "./pool-writes";
import { pushPoolTemplate } from "./update-pool";
import type { SnapshotReader } from "./verdict";

const client = localTestClient();
const prefix = uniquePrefix("push");
// every push is recorded (lib/audit has its own tests of what); here a real store in a temp dir
const store = openSqliteAuditStore(join(mkdtempSync(join(tmpdir(), "pooldeck-push-")), "a.sqlite"));
const audit = createAuditRecorder({
  store: async () => store,
  operator: { id: "push-tests", displayName: "push tests" },
  prefectServer: client.apiUrl,
});
const noCluster: SnapshotReader = async (cluster) => ({ problem: `${cluster} is not read here` });

function ec2Template(): JsonObject {
  const t = structuredClone(ecsDefault) as unknown as {
    job_configuration: { task_run_request: JsonObject };
    variables: { properties: Record<string, JsonObject> };
  };
  delete t.job_configuration.task_run_request.capacityProviderStrategy;
  t.variables.properties.launch_type!.default = "EC2";
  t.variables.properties.cluster!.default = "demo-cluster";
  return t as unknown as JsonObject;
}

/** A template where launchType and a capacity provider strategy both reach RunTask (push mode error). */
function conflictingTemplate(): JsonObject {
  const t = ec2Template() as {
    job_configuration: { task_run_request: JsonObject };
  } & JsonObject;
  t.job_configuration.task_run_request.capacityProviderStrategy = [
    { capacityProvider: "FARGATE", weight: 1 },
  ];
  return t;
}

async function refusal(p: Promise<unknown>): Promise<ActionFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ActionRefusal) return err.failure;
    throw err;
  }
  throw new Error("expected a refusal, but the call succeeded");
}

async function newPool(suffix: string, template: JsonObject, type = "ecs") {
  const pool = await createWorkPool(client, {
    name: `${prefix}${suffix}`,
    type,
    base_job_template: template,
  });
  return { name: pool.name, updated: pool.updated, hash: templateHash(template) };
}

beforeAll(() => cleanUpByPrefix(client, prefix));
afterAll(() => cleanUpByPrefix(client, prefix));

describe("pushPoolTemplate", () => {
  it("pushes, and Prefect stores exactly the pushed template", async () => {
    const pool = await newPool("ok", ec2Template());
    const edited = ec2Template() as { variables: { properties: Record<string, JsonObject> } };
    edited.variables.properties.cpu!.default = 512;
    const result = await pushPoolTemplate(
      client,
      audit,
      {
        name: pool.name,
        template: edited as unknown as JsonObject,
        loadedUpdated: pool.updated,
        loadedTemplateHash: pool.hash,
      },
      noCluster,
    );
    const stored = await readWorkPool(client, pool.name);
    expect(stored.base_job_template).toEqual(edited);
    expect(result).toEqual({
      changed: true,
      updated: stored.updated,
      hash: templateHash(edited as unknown as JsonObject),
      warnings: 0,
      overriddenErrors: 0,
      clusterProblem: "Cluster checks skipped: demo-cluster is not read here",
    });
  });

  it("sends nothing when the template is unchanged", async () => {
    const pool = await newPool("same", ec2Template());
    const result = await pushPoolTemplate(
      client,
      audit,
      {
        name: pool.name,
        template: ec2Template(),
        loadedUpdated: pool.updated,
        loadedTemplateHash: pool.hash,
      },
      noCluster,
    );
    expect(result.changed).toBe(false);
    expect((await readWorkPool(client, pool.name)).updated).toBe(pool.updated);
  });

  it("refuses when the pool changed since it was loaded, returns the remote, overwrites nothing", async () => {
    const pool = await newPool("conflict", ec2Template());
    const theirs = ec2Template() as { variables: { properties: Record<string, JsonObject> } };
    theirs.variables.properties.memory!.default = 4096;
    await updateWorkPool(client, pool.name, {
      base_job_template: theirs as unknown as JsonObject,
    });
    const remote = await readWorkPool(client, pool.name);
    const failure = await refusal(
      pushPoolTemplate(
        client,
        audit,
        {
          name: pool.name,
          template: ec2Template(),
          loadedUpdated: pool.updated,
          loadedTemplateHash: pool.hash,
        },
        noCluster,
      ),
    );
    expect(failure.conflict).toEqual({
      remote: {
        updated: remote.updated,
        template: theirs,
        hash: templateHash(theirs as unknown as JsonObject),
      },
    });
    expect(failure.error).toMatch(/changed in Prefect since you loaded it/);
    expect((await readWorkPool(client, pool.name)).base_job_template).toEqual(theirs);
  });

  it("refuses a template with check errors unless the pool name is typed", async () => {
    const pool = await newPool("errors", ec2Template(), "ecs:push");
    const input = {
      name: pool.name,
      template: conflictingTemplate(),
      loadedUpdated: pool.updated,
      loadedTemplateHash: pool.hash,
    };
    const failure = await refusal(pushPoolTemplate(client, audit, input, noCluster));
    expect(failure.checkErrors?.map((d) => d.rule)).toContain(
      "ecs/launch-type-and-capacity-provider-strategy",
    );
    expect((await readWorkPool(client, pool.name)).base_job_template).toEqual(ec2Template());
    const wrong = await refusal(
      pushPoolTemplate(client, audit, { ...input, overrideErrors: "not-the-name" }, noCluster),
    );
    expect(wrong.error).toMatch(/^Not pushed: the template has \d+ errors?/);
    const result = await pushPoolTemplate(
      client,
      audit,
      { ...input, overrideErrors: pool.name },
      noCluster,
    );
    expect(result.changed).toBe(true);
    expect(result.overriddenErrors).toBe(failure.checkErrors?.length);
    expect((await readWorkPool(client, pool.name)).base_job_template).toEqual(
      conflictingTemplate(),
    );
  });
});

describe("createEcsPool and setPoolStatus", () => {
  it("creates from a preset and from another pool; refuses reserved names before sending", async () => {
    const fromPreset = await createEcsPool(
      client,
      audit,
      { name: `${prefix}new-ec2`, type: "ecs", from: { preset: "ec2" } },
      noCluster,
    );
    const stored = await readWorkPool(client, fromPreset.name);
    const vars = (
      stored.base_job_template as { variables: { properties: Record<string, JsonObject> } }
    ).variables.properties;
    expect(vars.launch_type!.default).toBe("EC2");
    const copy = await createEcsPool(
      client,
      audit,
      { name: `${prefix}copy`, type: "ecs", from: { pool: fromPreset.name } },
      noCluster,
    );
    expect((await readWorkPool(client, copy.name)).base_job_template).toEqual(
      stored.base_job_template,
    );
    const reserved = await refusal(
      createEcsPool(client, audit, { name: "PrefectX", type: "ecs", from: { preset: "default" } }),
    );
    expect(reserved.fieldErrors).toEqual({
      name: [
        'Names starting with "prefect" (any case) are reserved by Prefect for its own work pools.',
      ],
    });
    // the default template names no cluster, so no providers to choose: refused, nothing created
    const noProviders = await refusal(
      createEcsPool(
        client,
        audit,
        { name: `${prefix}new-cp`, type: "ecs", from: { preset: "capacity-providers" } },
        noCluster,
      ),
    );
    expect(noProviders.error).toBe(
      "The “Capacity providers” preset cannot start a new pool: pick a cluster to choose its providers. Create the pool from the default template, pick its cluster in the editor, then apply the preset.",
    );
    await expect(readWorkPool(client, `${prefix}new-cp`)).rejects.toMatchObject({ status: 404 });
    const duplicate = createEcsPool(
      client,
      audit,
      { name: copy.name, type: "ecs", from: { preset: "default" } },
      noCluster,
    );
    await expect(duplicate).rejects.toMatchObject({ kind: "conflict", status: 409 });
  });

  it("pauses, resumes and sets the concurrency limit", async () => {
    const pool = await newPool("status", ec2Template());
    expect(await setPoolStatus(client, audit, pool.name, { is_paused: true })).toEqual({
      isPaused: true,
      concurrencyLimit: null,
      changed: true,
    });
    expect(await setPoolStatus(client, audit, pool.name, { concurrency_limit: 3 })).toEqual({
      isPaused: true,
      concurrencyLimit: 3,
      changed: true,
    });
    expect(
      await setPoolStatus(client, audit, pool.name, { is_paused: false, concurrency_limit: null }),
    ).toEqual({ isPaused: false, concurrencyLimit: null, changed: true });
    await expect(
      setPoolStatus(client, audit, `${prefix}missing`, { is_paused: true }),
    ).rejects.toMatchObject({ kind: "not-found" });
  });
});

describe("saveDeploymentJobVariables", () => {
  let pool: string;
  let id: string;
  beforeAll(async () => {
    pool = (await newPool("deploy", ec2Template())).name;
    const flow = await expectData(
      client,
      "create flow",
      client.api.POST("/flows/", { body: { name: `${prefix}flow` } }),
    );
    const deployment = await expectData(
      client,
      "create deployment",
      client.api.POST("/deployments/", {
        body: {
          name: `${prefix}dep`,
          flow_id: flow.id,
          work_pool_name: pool,
          job_variables: { launch_type: "EC2" },
        },
      }),
    );
    id = deployment.id;
  });

  it("saves a launch_type change and reads it back", async () => {
    const before = await readDeployment(client, id);
    const result = await saveDeploymentJobVariables(
      client,
      audit,
      {
        id,
        poolName: pool,
        jobVariables: { launch_type: "FARGATE" },
        loadedUpdated: before.updated,
      },
      noCluster,
    );
    const after = await readDeployment(client, id);
    expect(after.job_variables).toEqual({ launch_type: "FARGATE" });
    expect(result).toEqual({ changed: true, updated: after.updated, warnings: 0 });
  });

  it("catches launch_type null before sending", async () => {
    const before = await readDeployment(client, id);
    const failure = await refusal(
      saveDeploymentJobVariables(
        client,
        audit,
        { id, poolName: pool, jobVariables: { launch_type: null }, loadedUpdated: before.updated },
        noCluster,
      ),
    );
    expect(failure.checkErrors?.map((d) => d.rule)).toEqual([
      "prefect/job-variable-violates-schema",
    ]);
    expect(failure.error).toMatch(/^Not saved: Prefect would reject these job variables/);
    expect((await readDeployment(client, id)).updated).toBe(before.updated);
  });

  it("refuses {} unless clearing is confirmed, and refuses a stale load", async () => {
    const before = await readDeployment(client, id);
    const failure = await refusal(
      saveDeploymentJobVariables(
        client,
        audit,
        { id, poolName: pool, jobVariables: {}, loadedUpdated: before.updated },
        noCluster,
      ),
    );
    expect(failure.error).toMatch(/would clear every job variable/);
    const stale = await refusal(
      saveDeploymentJobVariables(
        client,
        audit,
        { id, poolName: pool, jobVariables: { cpu: 512 }, loadedUpdated: "2020-01-01T00:00:00Z" },
        noCluster,
      ),
    );
    expect(stale.conflict?.remote.template).toEqual(before.job_variables);
    await saveDeploymentJobVariables(
      client,
      audit,
      { id, poolName: pool, jobVariables: {}, loadedUpdated: before.updated, clear: true },
      noCluster,
    );
    expect((await readDeployment(client, id)).job_variables).toEqual({});
  });
});
