/**
 * A load run against a running Pooldeck (a production server): signed-in users browsing pages with
 * autocannon (one autocannon instance per route, so each route gets its own latency figures) while
 * others push template edits through the Update pool server action, the same call the browser
 * makes. The app must reach Prefect and the ECS emulator through counting proxies
 * (testing/counting-proxy.ts) so the run can say how many upstream calls the traffic cost.
 * Used by `npm run bench -- --only=load` (60 s, 50 + 5 users) and by the e2e load spec (short).
 */
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

import { templateHash } from "@/lib/push/changes";
import { percentile } from "@/scripts/bench/stats";
import type { JsonObject } from "@/lib/template/types";
import type { UpstreamCall } from "./counting-proxy";
import { SEED } from "./seed/ecs";
import { PREFECT_SEED, prefectFetch } from "./seed/prefect";
import { callServerAction, serverActionId, signInCookie } from "./server-action";

export interface LoadRoute {
  name: string;
  path: string;
}

export interface LoadPlan {
  appUrl: string;
  /** the production build the app serves (for the server action's id) */
  distDir: string;
  /** Prefect's API, read directly (not through the counted proxy) for what a pusher loaded */
  prefectApiUrl: string;
  user: { username: string; password: string };
  /** browsing users, spread evenly over the routes (one connection and one session each) */
  browsers: number;
  routes: LoadRoute[];
  /** one pushing user per pool named here; each pool must exist */
  pushPools: string[];
  /** a pusher's pause between two pushes */
  pushThinkMs: number;
  durationMs: number;
  /** the process group of the server, for its memory */
  serverPgid?: number;
}

export interface RouteFigures {
  name: string;
  requests: number;
  /** responses that were not 2xx, plus connection errors and timeouts */
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface PushFigures extends RouteFigures {
  /** pushes Prefect took */
  landed: number;
  /** pushes the app refused with a sentence (a conflict, a lock), not errors */
  refused: string[];
}

export interface LoadFigures {
  durationMs: number;
  requestsPerSecond: number;
  routes: RouteFigures[];
  push: PushFigures;
  rssStartBytes: number | null;
  rssEndBytes: number | null;
  /** the server's resident memory every RSS_SAMPLE_MS from the start (empty without serverPgid) */
  rssSamples: { atMs: number; bytes: number }[];
}

/** How often the server's memory is sampled during a run: growth that levels off is not a leak. */
export const RSS_SAMPLE_MS = 5_000;

/** What the browsing users open: the pages people keep open, over the seeded world. */
export const LOAD_ROUTES: LoadRoute[] = [
  { name: "pools list", path: "/pools" },
  { name: "pool page", path: `/pools/${PREFECT_SEED.hybridPool}` },
  { name: "clusters", path: "/clusters" },
  { name: "cluster", path: `/clusters/${SEED.cluster}` },
  { name: "compare", path: `/compare?pool=${PREFECT_SEED.hybridPool}` },
];

function figures(name: string, times: number[], errors: number): RouteFigures {
  return {
    name,
    requests: times.length,
    errors,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

/** Resident memory of every process in a process group (npx and the Next server under it), Linux. */
export function processGroupRss(pgid: number): number | null {
  let total = 0;
  let found = false;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // fields after the command name (which may hold spaces), 1-based from field 3
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rssPages = Number(fields[21]);
      total += rssPages * 4096;
      found = true;
    } catch {
      // the process ended meanwhile
    }
  }
  return found ? total : null;
}

async function browse(
  plan: LoadPlan,
  route: LoadRoute,
  connections: number,
  cookies: string[],
): Promise<RouteFigures> {
  const times: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${plan.appUrl}${route.path}`,
        connections,
        duration: plan.durationMs / 1000,
        timeout: 30,
        setupClient(client) {
          client.setHeaders({ cookie: cookies[next++ % cookies.length]! });
        },
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return figures(route.name, times, result.non2xx + result.errors + result.timeouts);
}

/** The template with one harmless edit that differs between consecutive rounds (no check reacts to it). */
function editedTemplate(template: JsonObject, round: number): JsonObject {
  const copy = JSON.parse(JSON.stringify(template)) as {
    variables?: { properties?: Record<string, { description?: unknown }> };
  };
  const cpu = copy.variables?.properties?.cpu;
  if (!cpu) throw new Error("the load pool's template has no cpu variable to edit");
  cpu.description = `CPU units for the task (load round ${round}).`;
  return copy as JsonObject;
}

async function pushLoop(
  plan: LoadPlan,
  pool: string,
  cookie: string,
  actionId: string,
  deadline: number,
  out: { times: number[]; errors: number; landed: number; refused: string[] },
): Promise<void> {
  for (let round = 0; Date.now() < deadline; round++) {
    const res = await fetch(`${plan.prefectApiUrl}/work_pools/${encodeURIComponent(pool)}`);
    if (!res.ok) throw new Error(`reading pool ${pool} failed: HTTP ${res.status}`);
    const stored = (await res.json()) as { updated: string; base_job_template: JsonObject };
    const template = editedTemplate(stored.base_job_template, round);
    const started = performance.now();
    try {
      const { status, result } = await callServerAction({
        appUrl: plan.appUrl,
        page: `/pools/${encodeURIComponent(pool)}`,
        actionId,
        cookie,
        args: [
          {
            name: pool,
            template: JSON.stringify(template, null, 2),
            loadedUpdated: stored.updated,
            loadedTemplateHash: templateHash(stored.base_job_template),
          },
        ],
        signal: AbortSignal.timeout(30_000),
      });
      out.times.push(performance.now() - started);
      const outcome = result as { ok?: boolean; error?: string } | null;
      if (status !== 200 || !outcome || typeof outcome.ok !== "boolean") out.errors++;
      else if (outcome.ok) out.landed++;
      else out.refused.push(outcome.error ?? "refused without a sentence");
    } catch {
      out.times.push(performance.now() - started);
      out.errors++;
    }
    await new Promise((r) => setTimeout(r, plan.pushThinkMs));
  }
}

/** One pool per pushing user, a copy of the seeded hybrid pool (created or reset to it). */
export async function ensureLoadPools(prefectApiUrl: string, count: number): Promise<string[]> {
  const res = await prefectFetch(prefectApiUrl, "GET", `/work_pools/${PREFECT_SEED.hybridPool}`);
  if (!res.ok) throw new Error(`reading ${PREFECT_SEED.hybridPool} failed: HTTP ${res.status}`);
  const { base_job_template } = (await res.json()) as { base_job_template: unknown };
  const names = Array.from({ length: count }, (_, i) => `load-push-${i + 1}`);
  for (const name of names) {
    const created = await prefectFetch(prefectApiUrl, "POST", "/work_pools/", {
      name,
      type: "ecs",
      base_job_template,
    });
    if (created.status === 409) {
      const reset = await prefectFetch(prefectApiUrl, "PATCH", `/work_pools/${name}`, {
        base_job_template,
      });
      if (!reset.ok) throw new Error(`resetting ${name} failed: HTTP ${reset.status}`);
    } else if (!created.ok) {
      throw new Error(`creating ${name} failed: HTTP ${created.status} ${await created.text()}`);
    }
  }
  return names;
}

/** Runs the plan; resolves when every user has stopped. */
export async function runLoad(plan: LoadPlan): Promise<LoadFigures> {
  const sessions = plan.browsers + plan.pushPools.length;
  const cookies: string[] = [];
  // one session per user, signed in before the clock starts (sign-in hashes passwords: not timed)
  for (let i = 0; i < sessions; i++) {
    cookies.push(await signInCookie(plan.appUrl, plan.user.username, plan.user.password));
  }
  const actionId = serverActionId(plan.distDir, "lib/actions/update-pool.ts", "updatePool");
  // one untimed request per route first: a server's first render of a route is not its steady state
  for (const route of plan.routes) {
    const res = await fetch(`${plan.appUrl}${route.path}`, { headers: { cookie: cookies[0]! } });
    if (!res.ok) throw new Error(`warming ${route.path} failed: HTTP ${res.status}`);
    await res.arrayBuffer();
  }
  const rssStartBytes = plan.serverPgid ? processGroupRss(plan.serverPgid) : null;
  const started = Date.now();
  const rssSamples: LoadFigures["rssSamples"] = [];
  const sampler = setInterval(() => {
    const bytes = plan.serverPgid ? processGroupRss(plan.serverPgid) : null;
    if (bytes !== null) rssSamples.push({ atMs: Date.now() - started, bytes });
  }, RSS_SAMPLE_MS);
  const deadline = started + plan.durationMs;
  const perRoute = Math.max(1, Math.floor(plan.browsers / plan.routes.length));
  const push = { times: [] as number[], errors: 0, landed: 0, refused: [] as string[] };
  const browseCookies = cookies.slice(0, plan.browsers);
  const [routes] = await Promise.all([
    Promise.all(
      plan.routes.map((route, i) =>
        browse(
          plan,
          route,
          perRoute,
          browseCookies.slice(i * perRoute, (i + 1) * perRoute).concat(browseCookies.slice(0, 1)),
        ),
      ),
    ),
    Promise.all(
      plan.pushPools.map((pool, i) =>
        pushLoop(plan, pool, cookies[plan.browsers + i]!, actionId, deadline, push),
      ),
    ),
  ]);
  clearInterval(sampler);
  const durationMs = Date.now() - started;
  const total = routes.reduce((n, r) => n + r.requests, 0) + push.times.length;
  return {
    durationMs,
    requestsPerSecond: total / (durationMs / 1000),
    routes,
    push: {
      ...figures("push (Update pool action)", push.times, push.errors),
      landed: push.landed,
      refused: push.refused,
    },
    rssStartBytes,
    rssEndBytes: plan.serverPgid ? processGroupRss(plan.serverPgid) : null,
    rssSamples,
  };
}

export interface UpstreamFigures {
  callsPerMinute: number;
  /** calls per minute by action, most frequent first */
  byAction: { action: string; perMinute: number }[];
  /**
   * Per cluster, the most reads of it (DescribeClusters naming that one cluster, which starts every
   * cluster snapshot) in any 15 s window: the server's 15 s cache should hold this at 1.
   */
  clusterReadsPer15s: { cluster: string; reads: number }[];
}

/** Calls the app made upstream during a run, per minute, and each cluster's busiest 15 s. */
export function upstreamFigures(
  calls: readonly UpstreamCall[],
  durationMs: number,
): UpstreamFigures {
  const minutes = durationMs / 60_000;
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.action, (counts.get(call.action) ?? 0) + 1);
  const byCluster = new Map<string, number[]>();
  for (const call of calls) {
    if (call.cluster && call.action === "DescribeClusters")
      byCluster.set(call.cluster, [...(byCluster.get(call.cluster) ?? []), call.at]);
  }
  return {
    callsPerMinute: calls.length / minutes,
    byAction: [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([action, n]) => ({ action, perMinute: n / minutes })),
    clusterReadsPer15s: [...byCluster.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([cluster, times]) => ({ cluster, reads: maxInWindow(times, 15_000) })),
  };
}

/** The most timestamps in any window of `windowMs` (sliding), for sorted or unsorted input. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
