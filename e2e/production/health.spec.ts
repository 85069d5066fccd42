/**
 * The load balancer's view: liveness (/api/health/live, and the old /api/health) answers while the
 * process runs; readiness (/api/health/ready) is 200 only while Prefect, ECS and the audit store
 * all answer, else 503, its body naming each check. Both answer without a session.
 */
import { startAppInstance } from "@/testing/e2e/app-instance";
import { expect, test } from "@/testing/e2e/test";
import { freePort } from "@/testing/free-port";

const ALL_OK = { prefect: { ok: true }, aws: { ok: true }, auditStore: { ok: true } };

test("with the stack up, the server is live and ready", async ({ playwright }) => {
  const request = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  for (const path of ["/api/health/live", "/api/health"]) {
    const live = await request.get(path);
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
  }
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(await ready.json()).toEqual({ status: "ready", checks: ALL_OK });
  await request.dispose();
});

test("with Prefect down and the audit store unusable, the server is live but not ready", async ({
  playwright,
}) => {
  // nothing listens on a free port; a data dir inside a file cannot be created
  const app = await startAppInstance(
    await freePort(),
    {
      PREFECT_API_URL: `http://127.0.0.1:${await freePort()}/api`,
      POOLDECK_DATA_DIR: "/dev/null/pooldeck",
    },
    { standalone: true },
  );
  const request = await playwright.request.newContext({ baseURL: app.url });
  try {
    const live = await request.get("/api/health/live");
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await request.get("/api/health/ready");
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toEqual({
      status: "not ready",
      checks: {
        prefect: { ok: false, problem: "unreachable" },
        aws: { ok: true },
        auditStore: { ok: false, problem: "cannot-open" },
      },
    });
  } finally {
    await request.dispose();
    await app.stop();
  }
});
