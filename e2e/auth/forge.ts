/**
 * Replays a server action call outside the page, the way an attacker would: the action id
 * (Next-Action header) and body are taken from a real call the page made, then sent again with
 * other cookies, another Origin, or another argument.
 */
import { request as playwrightRequest, type Page, type Request } from "@playwright/test";

import { api, type Template } from "@/e2e/push/prefect-api";

export const PREFIX = "pd-e2e-auth-";

export interface CapturedAction {
  url: string;
  actionId: string;
  /** the call's arguments, as the page encoded them (a JSON array of plain values) */
  args: unknown[];
}

/**
 * Waits for the page's next server action call whose arguments `isCall` accepts and returns what is
 * needed to replay it. The predicate matters: the page makes other action calls of its own (the
 * deployments section's and the runs line's idle reads) that may come first.
 */
export async function captureAction(
  page: Page,
  trigger: () => Promise<void>,
  isCall: (args: unknown[]) => boolean,
) {
  const argsOf = (r: Request) => JSON.parse(r.postData() ?? "[]") as unknown[];
  const [req] = await Promise.all([
    page.waitForRequest(
      (r: Request) => r.method() === "POST" && !!r.headers()["next-action"] && isCall(argsOf(r)),
    ),
    trigger(),
  ]);
  return {
    url: req.url(),
    actionId: req.headers()["next-action"]!,
    args: argsOf(req),
  } satisfies CapturedAction;
}

/** Sends a server action call with a browser state (or none) and an Origin; returns status and body. */
export async function forgeAction(
  action: CapturedAction,
  args: unknown[],
  options: { storageState?: string; origin: string },
): Promise<{ status: number; body: string }> {
  const ctx = await playwrightRequest.newContext({
    storageState: options.storageState ?? { cookies: [], origins: [] },
  });
  try {
    const res = await ctx.post(action.url, {
      headers: {
        "next-action": action.actionId,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: options.origin,
      },
      data: JSON.stringify(args),
      maxRedirects: 0,
    });
    return { status: res.status(), body: await res.text() };
  } finally {
    await ctx.dispose();
  }
}

/** Creates a pool for the auth specs through Prefect's REST API; returns its name. */
export async function createAuthPool(suffix: string, template: Template): Promise<string> {
  const name = `${PREFIX}${suffix}-${Date.now().toString(36)}`;
  await api("POST", "/work_pools/", { name, type: "ecs", base_job_template: template }, 201);
  return name;
}

/** Removes the pools the auth specs created. */
export async function cleanUpAuthPools(): Promise<void> {
  const pools = await api<{ name: string }[]>("POST", "/work_pools/filter", { limit: 200 });
  for (const p of pools.filter((x) => x.name.startsWith(PREFIX))) {
    await api("DELETE", `/work_pools/${encodeURIComponent(p.name)}`, undefined, 204);
  }
}
