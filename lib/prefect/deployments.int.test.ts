/**
 * Deployments and their job_variables against the real Prefect server of the local stack.
 * Flows, deployments and pools carry a per-run prefix and are deleted afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";

import { expectData } from "./client";
import {
  listDeploymentsForPool,
  readDeployment,
  readFlowNames,
  updateDeploymentJobVariables,
} from "./deployments";
import { PrefectError } from "./errors";
import { cleanUpByPrefix, localTestClient, uniquePrefix } from "@/testing/prefect";
import type { Deployment } from "./types";
import { createWorkPool } from "./work-pools";

const client = localTestClient();
const prefix = uniquePrefix("deps");
const pool = `${prefix}ecs`;
const otherPool = `${prefix}other`;

async function caught(p: Promise<unknown>): Promise<PrefectError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PrefectError) return err;
    throw err;
  }
  throw new Error("expected a PrefectError, but the call succeeded");
}

async function createFlow(name: string): Promise<string> {
  const flow = await expectData(
    client,
    "create flow",
    client.api.POST("/flows/", { body: { name } }),
  );
  return flow.id;
}

async function createDeployment(
  name: string,
  flowId: string,
  workPoolName: string,
  workQueueName: string,
  jobVariables: Record<string, unknown>,
): Promise<Deployment> {
  return expectData(
    client,
    "create deployment",
    client.api.POST("/deployments/", {
      body: {
        name,
        flow_id: flowId,
        work_pool_name: workPoolName,
        work_queue_name: workQueueName,
        job_variables: jobVariables,
      },
    }),
  );
}

let flowA: string;
let flowB: string;
let onQueue: Deployment;

beforeAll(async () => {
  await cleanUpByPrefix(client, prefix);
  await createWorkPool(client, {
    name: pool,
    type: "ecs",
    base_job_template: structuredClone(ecsDefault),
  });
  await createWorkPool(client, {
    name: otherPool,
    type: "ecs",
    base_job_template: structuredClone(ecsDefault),
  });
  await expectData(
    client,
    "create queue",
    client.api.POST("/work_pools/{work_pool_name}/queues", {
      params: { path: { work_pool_name: pool } },
      body: { name: "gpu" },
    }),
  );
  flowA = await createFlow(`${prefix}flow-a`);
  flowB = await createFlow(`${prefix}flow-b`);
  onQueue = await createDeployment(`${prefix}b-on-gpu`, flowA, pool, "gpu", { cpu: 512 });
  await createDeployment(`${prefix}a-default`, flowB, pool, "default", {});
  await createDeployment(`${prefix}elsewhere`, flowA, otherPool, "default", {});
});

afterAll(async () => {
  await cleanUpByPrefix(client, prefix);
});

describe("reading", () => {
  it("lists the deployments of one pool, by name, and names their flows", async () => {
    const deployments = await listDeploymentsForPool(client, pool);
    expect(
      deployments.map((d) => [d.name, d.work_pool_name, d.work_queue_name, d.job_variables]),
    ).toEqual([
      [`${prefix}a-default`, pool, "default", {}],
      [`${prefix}b-on-gpu`, pool, "gpu", { cpu: 512 }],
    ]);
    expect(
      await readFlowNames(
        client,
        deployments.map((d) => d.flow_id),
      ),
    ).toEqual({
      [flowA]: `${prefix}flow-a`,
      [flowB]: `${prefix}flow-b`,
    });
    expect(await listDeploymentsForPool(client, `${prefix}no-such-pool`)).toEqual([]);
  });

  it("pages through a pool's deployments", async () => {
    const all = await listDeploymentsForPool(client, pool, { pageSize: 1 });
    expect(all.map((d) => d.name)).toEqual([`${prefix}a-default`, `${prefix}b-on-gpu`]);
  });

  it("reads one deployment, 404 for an unknown id", async () => {
    expect((await readDeployment(client, onQueue.id)).name).toBe(`${prefix}b-on-gpu`);
    const missing = "00000000-0000-4000-8000-000000000000";
    const err = await caught(readDeployment(client, missing));
    expect([err.kind, err.message]).toEqual([
      "not-found",
      `Could not read deployment ${missing}: Deployment not found (404)`,
    ]);
  });
});

describe("updating job_variables", () => {
  it("lands, and the deployment keeps its work queue", async () => {
    await updateDeploymentJobVariables(client, onQueue.id, pool, { launch_type: "EC2", cpu: 1024 });
    const after = await readDeployment(client, onQueue.id);
    expect(after.job_variables).toEqual({ launch_type: "EC2", cpu: 1024 });
    expect([after.work_pool_name, after.work_queue_name]).toEqual([pool, "gpu"]);
  });

  it("is validated by Prefect against the pool's schema (409 with Prefect's text) and nothing changes", async () => {
    const err = await caught(
      updateDeploymentJobVariables(client, onQueue.id, pool, { launch_type: null }),
    );
    expect([err.kind, err.status]).toEqual(["conflict", 409]);
    expect(err.message).toBe(
      `Could not update the job variables of deployment "${prefix}b-on-gpu": Error creating deployment: ` +
        `<ValidationError: "None is not one of ['FARGATE', 'EC2', 'EXTERNAL', 'FARGATE_SPOT']"> (409)`,
    );
    expect((await readDeployment(client, onQueue.id)).job_variables).toEqual({
      launch_type: "EC2",
      cpu: 1024,
    });
  });

  it("clears with {}", async () => {
    await updateDeploymentJobVariables(client, onQueue.id, pool, {});
    expect((await readDeployment(client, onQueue.id)).job_variables).toEqual({});
  });

  it("names an unknown target pool instead of Prefect's 500", async () => {
    const err = await caught(
      updateDeploymentJobVariables(client, onQueue.id, `${prefix}nope`, { cpu: 1 }),
    );
    expect([err.kind, err.message]).toEqual([
      "not-found",
      `Could not read work pool "${prefix}nope": Work pool "${prefix}nope" not found. (404)`,
    ]);
  });

  it("moves a deployment to another pool's default queue when the pool changes", async () => {
    await updateDeploymentJobVariables(client, onQueue.id, otherPool, { cpu: 2048 });
    const after = await readDeployment(client, onQueue.id);
    expect([after.work_pool_name, after.work_queue_name, after.job_variables]).toEqual([
      otherPool,
      "default",
      { cpu: 2048 },
    ]);
  });
});

describe("what Prefect itself does (why updateDeploymentJobVariables sends what it sends)", () => {
  it("skips validation without work_pool_name, and moves to the default queue without work_queue_name", async () => {
    const d = await createDeployment(`${prefix}raw`, flowA, pool, "gpu", {});
    const patch = (body: Record<string, unknown>) =>
      client.api.PATCH("/deployments/{id}", { params: { path: { id: d.id } }, body });

    expect((await patch({ job_variables: { launch_type: null } })).response.status).toBe(204);
    expect((await readDeployment(client, d.id)).job_variables).toEqual({ launch_type: null });

    expect(
      (await patch({ work_pool_name: pool, job_variables: { cpu: 256 } })).response.status,
    ).toBe(204);
    const moved = await readDeployment(client, d.id);
    expect([moved.work_queue_name, moved.job_variables]).toEqual(["default", { cpu: 256 }]);
  });
});
