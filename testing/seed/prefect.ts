/**
 * Seeds the local Prefect server through its REST API: an `ecs` pool holding Prefect's own default
 * ECS template (read from the server's collections endpoint), an `ecs:push` pool, and deployments
 * whose job_variables show Option A, Option B and a conflict. Idempotent: pools are created or
 * patched back to the seeded template; flows and deployments are upserted by name.
 */

export const PREFECT_SEED = {
  hybridPool: "demo-ecs",
  pushPool: "demo-ecs-push",
  flow: "nightly-etl",
  deployments: {
    optionA: "option-a-ec2-launch-type",
    optionB: "option-b-capacity-providers",
    conflict: "conflict-launch-type-and-strategy",
  },
} as const;

type Json = Record<string, unknown>;

/**
 * One REST call to Prefect. The SQLite-backed server answers 503 while its database is locked (on a
 * busy machine, during seeding too); a locked write did not happen, so repeating it is safe.
 * lib/prefect retries the same way; the e2e helpers and the ground-truth harness use this one.
 * A request sent on a kept-alive connection the server had just closed ("other side closed") never
 * reached it either, and is sent again on a new one.
 */
export async function prefectFetch(
  apiUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const send = async (): Promise<Response> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(`${apiUrl}${path}`, {
          method,
          headers: { "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        const code = (error as { cause?: { code?: unknown } }).cause?.code;
        if (code !== "UND_ERR_SOCKET" || attempt === 3) throw error;
      }
    }
  };
  // up to ~35 s of waiting: a real worker or two writing beside the caller can hold the lock that long
  let res = await send();
  for (let attempt = 1; res.status === 503 && attempt < 12; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 4_000)));
    res = await send();
  }
  return res;
}

const call = prefectFetch;

async function ok<T = Json>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} failed: HTTP ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Prefect's default base job template for `ecs`, as the server's collections endpoint serves it. */
export async function readDefaultEcsTemplate(apiUrl: string): Promise<Json> {
  const meta = await ok<Record<string, Record<string, Json>>>(
    await call(apiUrl, "GET", "/collections/views/aggregate-worker-metadata"),
    "reading the worker metadata",
  );
  const template = meta["prefect-aws"]?.ecs?.default_base_job_configuration;
  if (!template)
    throw new Error("the Prefect server's collections have no prefect-aws ecs template");
  return template as Json;
}

async function upsertPool(
  apiUrl: string,
  name: string,
  type: string,
  template: Json,
  description: string,
  concurrencyLimit: number | null,
) {
  const body = {
    name,
    type,
    base_job_template: template,
    description,
    concurrency_limit: concurrencyLimit,
  };
  const res = await call(apiUrl, "POST", "/work_pools/", body);
  if (res.status === 409) {
    await ok(
      await call(apiUrl, "PATCH", `/work_pools/${encodeURIComponent(name)}`, {
        base_job_template: template,
        description,
        is_paused: false,
        concurrency_limit: concurrencyLimit,
      }),
      `restoring pool ${name}`,
    );
    return;
  }
  await ok(res, `creating pool ${name}`);
}

/**
 * `template` with its `cluster` variable defaulting to `cluster`: the demo's pools name the seeded
 * cluster so every check, cluster-aware ones included, runs on first open.
 */
export function targetingCluster(template: Json, cluster: string): Json {
  const copy = structuredClone(template) as Json & {
    variables?: { properties?: Record<string, Json> };
  };
  const property = copy.variables?.properties?.cluster;
  if (!property) throw new Error("the ecs template has no cluster variable");
  property.default = cluster;
  return copy;
}

/** The demo pools' concurrency limit: with it the burst rule runs on first open too. */
export const DEMO_CONCURRENCY_LIMIT = 10;

/**
 * Seeds pools, a flow and three deployments; returns nothing, throws with a readable message on
 * failure. With `poolCluster` (the demo) the pools' templates name that cluster and carry
 * DEMO_CONCURRENCY_LIMIT; without it they hold Prefect's default template unchanged (naming no
 * cluster) and no limit, which the tests rely on.
 */
export async function seedPrefect(opts: {
  apiUrl: string;
  cluster: string;
  asgProvider: string;
  poolCluster?: string;
}): Promise<void> {
  const prefectDefault = await readDefaultEcsTemplate(opts.apiUrl);
  const template = opts.poolCluster
    ? targetingCluster(prefectDefault, opts.poolCluster)
    : prefectDefault;
  const limit = opts.poolCluster ? DEMO_CONCURRENCY_LIMIT : null;
  await upsertPool(
    opts.apiUrl,
    PREFECT_SEED.hybridPool,
    "ecs",
    template,
    "Hybrid pool: a worker in our VPC calls RunTask. Template: Prefect's default.",
    limit,
  );
  await upsertPool(
    opts.apiUrl,
    PREFECT_SEED.pushPool,
    "ecs:push",
    template,
    "Push pool: Prefect calls RunTask with stored AWS credentials.",
    limit,
  );

  const flow = await ok<{ id: string }>(
    await call(opts.apiUrl, "POST", "/flows/", { name: PREFECT_SEED.flow }),
    "creating the flow",
  );
  const strategy = [{ capacityProvider: opts.asgProvider, base: 1, weight: 1 }];
  const deployments: { name: string; pool: string; job_variables: Json; description: string }[] = [
    {
      name: PREFECT_SEED.deployments.optionA,
      pool: PREFECT_SEED.hybridPool,
      job_variables: { cluster: opts.cluster, launch_type: "EC2" },
      description: "Option A: EC2 launch type, no capacity providers.",
    },
    {
      name: PREFECT_SEED.deployments.optionB,
      pool: PREFECT_SEED.hybridPool,
      job_variables: {
        cluster: opts.cluster,
        launch_type: "EC2",
        capacity_provider_strategy: strategy,
      },
      description:
        "Option B: an Auto Scaling group capacity provider strategy; the worker drops launchType.",
    },
    {
      name: PREFECT_SEED.deployments.conflict,
      pool: PREFECT_SEED.pushPool,
      job_variables: {
        cluster: opts.cluster,
        launch_type: "FARGATE",
        capacity_provider_strategy: strategy,
      },
      description:
        "Conflict: launchType and capacityProviderStrategy both reach RunTask (AWS rejects it).",
    },
  ];
  for (const d of deployments) {
    await ok(
      await call(opts.apiUrl, "POST", "/deployments/", {
        name: d.name,
        flow_id: flow.id,
        work_pool_name: d.pool,
        job_variables: d.job_variables,
        description: d.description,
        entrypoint: "flows/etl.py:nightly_etl",
        paused: true,
      }),
      `creating deployment ${d.name}`,
    );
  }
}
