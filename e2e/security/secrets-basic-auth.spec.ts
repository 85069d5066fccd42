/**
 * PREFECT_API_AUTH_STRING never reaches the browser: a second app instance against a Prefect
 * server with basic auth (the shared stack has none), every response the browser gets scanned for
 * the auth string in all its forms. The shared instance's responses are scanned after the whole
 * run by scripts/scan-secrets.ts (AWS keys, PREFECT_API_KEY, task definition environment values).
 */
import { expect, test, type Response } from "@/testing/e2e/test";

import { findLeaks, type Leak } from "@/lib/security/secret-scan";
import { startAppInstance } from "@/testing/e2e/app-instance";
import { freePort } from "@/testing/free-port";
import { startThrowawayPrefect, type ThrowawayPrefect } from "@/testing/throwaway-prefect";

const AUTH_STRING = "pooldeck-admin:basic-auth-canary-3e8d51";
const secrets = [{ name: "PREFECT_API_AUTH_STRING", value: AUTH_STRING }];

let prefect: ThrowawayPrefect | undefined;
let app: Awaited<ReturnType<typeof startAppInstance>> | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  prefect = await startThrowawayPrefect({
    env: { PREFECT_SERVER_API_AUTH_STRING: AUTH_STRING },
    authString: AUTH_STRING,
  });
  app = await startAppInstance(await freePort(), {
    PREFECT_API_URL: prefect.apiUrl,
    PREFECT_API_AUTH_STRING: AUTH_STRING,
    PREFECT_API_KEY: "", // blank counts as unset; Pooldeck refuses both at once
  });
});

test.afterAll(async () => {
  await app?.stop();
  await prefect?.stop();
});

test("with basic auth configured, no page, payload or action answer carries the auth string", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const basic = `Basic ${Buffer.from(AUTH_STRING).toString("base64")}`;
  const pool = `e2e-sec-basic-${Date.now().toString(36)}`;
  const created = await fetch(`${prefect!.apiUrl}/work_pools/`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify({ name: pool, type: "ecs", description: "before" }),
  });
  expect(created.status).toBe(201);

  const scanned: string[] = [];
  const leaks: Leak[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (res: Response) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/^(text\/html|text\/x-component|application\/json|text\/plain)/.test(type)) return;
    pending.push(
      res
        .text()
        .then((body) => {
          scanned.push(res.url());
          leaks.push(...findLeaks(secrets, `${res.request().method()} ${res.url()}`, body));
        })
        .catch(() => undefined), // a body gone with a navigation: not readable by anyone
    );
  });

  for (const path of ["/", "/pools", `/pools/${pool}`]) {
    await page.goto(`${app!.url}${path}`);
  }
  // Pooldeck reached the auth-protected server: the pool is listed and its editor loaded
  await expect(page.locator("main")).toContainText(pool);
  await page.goto(`${app!.url}/pools`);
  await expect(page.getByRole("link", { name: pool, exact: true })).toBeVisible();
  await Promise.all(pending);
  expect(scanned.length).toBeGreaterThan(3);
  expect(leaks).toEqual([]);
});
