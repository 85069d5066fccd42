/**
 * A short load run in CI (the 60 s, 55-user figures are `npm run bench -- --only=load`): signed-in
 * users browsing five pages while two others push edits to pools of their own, against an instance
 * of the production build that reaches Prefect and the ECS emulator through counting proxies.
 * What a user and an operator observe: no request fails, every push lands, and however many
 * users look at a cluster, the server reads it from AWS at most once per 15 s (its cache).
 */
import { expect, test } from "@playwright/test";

import { startAppInstance } from "@/testing/e2e/app-instance";
import { TEST_USERS } from "@/testing/e2e/test-auth";
import { startCountingProxy, type CountingProxy } from "@/testing/counting-proxy";
import { freePort } from "@/testing/free-port";
import { ensureLoadPools, runLoad, upstreamFigures, LOAD_ROUTES } from "@/testing/load";
import { SEED } from "@/testing/seed/ecs";
import { prefectFetch } from "@/testing/seed/prefect";

const prefectUrl = `http://127.0.0.1:${process.env.POOLDECK_PREFECT_PORT ?? "4200"}`;
const motoUrl = `http://127.0.0.1:${process.env.POOLDECK_MOTO_PORT ?? "5000"}`;

let prefect: CountingProxy;
let aws: CountingProxy;
let app: { url: string; stop: () => Promise<void> };
let pools: string[] = [];

test.beforeAll(async () => {
  prefect = await startCountingProxy(prefectUrl, "prefect");
  aws = await startCountingProxy(motoUrl, "aws");
  app = await startAppInstance(await freePort(), {
    PREFECT_API_URL: `${prefect.url}/api`,
    AWS_ENDPOINT_URL: aws.url,
  });
});

test.afterAll(async () => {
  // the pushers' pools go, so later specs see the seeded world's pools only
  for (const name of pools)
    await prefectFetch(`${prefectUrl}/api`, "DELETE", `/work_pools/${name}`);
  await app?.stop();
  await prefect?.close();
  await aws?.close();
});

test("12 s of 10 users browsing and 2 pushing: no error, every push lands, one cluster read per 15 s", async () => {
  test.setTimeout(120_000);
  pools = await ensureLoadPools(`${prefectUrl}/api`, 2);
  aws.calls.length = 0;
  const figures = await runLoad({
    appUrl: app.url,
    distDir: process.env.POOLDECK_DIST_DIR ?? ".next",
    prefectApiUrl: `${prefectUrl}/api`,
    user: TEST_USERS.editor,
    browsers: 10,
    routes: LOAD_ROUTES,
    pushPools: pools,
    pushThinkMs: 500,
    durationMs: 12_000,
  });

  for (const route of figures.routes) {
    expect(route.errors, `${route.name}: failed requests`).toBe(0);
    expect(route.requests, `${route.name}: requests answered`).toBeGreaterThan(0);
  }
  expect(figures.push.errors).toBe(0);
  expect(figures.push.refused).toEqual([]);
  expect(figures.push.landed).toBe(figures.push.requests);
  expect(figures.push.landed).toBeGreaterThanOrEqual(2);

  // the whole run fits in one 15 s window: each cluster read exactly once
  const reads = upstreamFigures(aws.calls, figures.durationMs).clusterReadsPer15s;
  expect(reads.find((r) => r.cluster === SEED.cluster)).toEqual({
    cluster: SEED.cluster,
    reads: 1,
  });
  expect(reads.filter((r) => r.reads !== 1)).toEqual([]);
});
