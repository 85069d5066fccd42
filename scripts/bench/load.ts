/**
 * The load benchmark: 50 signed-in users browsing the pools list, a pool page, the clusters list, a
 * cluster and the compare page, plus 5 users pushing template edits, for 60 s against the production
 * server on the bench stack (app-stack.ts), with Prefect and the ECS emulator behind counting proxies.
 * Prints requests/s, p50/p95/p99 per route, errors, the server's memory at start and end, and the
 * upstream calls per minute. POOLDECK_BENCH_LOAD_SECONDS (60), _BROWSERS (50), _PUSHERS (5).
 */
import { startBenchApps, benchPorts } from "./app-stack";
import { formatMs, textTable } from "./stats";

import {
  ensureLoadPools,
  runLoad,
  upstreamFigures,
  type LoadFigures,
  LOAD_ROUTES,
  RSS_SAMPLE_MS,
  type UpstreamFigures,
} from "@/testing/load";
import { startCountingProxy } from "@/testing/counting-proxy";

export interface LoadBenchResult {
  plan: { seconds: number; browsers: number; pushers: number };
  figures: LoadFigures;
  aws: UpstreamFigures;
  prefect: UpstreamFigures;
}

/** Starts the bench apps behind counting proxies and runs the load. */
export async function runLoadBench(
  log: (line: string) => void,
  reuseBuild = false,
): Promise<LoadBenchResult> {
  const seconds = Number(process.env.POOLDECK_BENCH_LOAD_SECONDS) || 60;
  const browsers = Number(process.env.POOLDECK_BENCH_LOAD_BROWSERS) || 50;
  const pushers = Number(process.env.POOLDECK_BENCH_LOAD_PUSHERS) || 5;
  const ports = benchPorts();
  const prefectApiUrl = `http://127.0.0.1:${ports.prefect}/api`;
  const prefectProxy = await startCountingProxy(`http://127.0.0.1:${ports.prefect}`, "prefect");
  const awsProxy = await startCountingProxy(`http://127.0.0.1:${ports.moto}`, "aws");
  const apps = await startBenchApps(log, {
    reuseBuild,
    upstreams: { prefectApiUrl: `${prefectProxy.url}/api`, awsEndpointUrl: awsProxy.url },
  });
  try {
    const pools = await ensureLoadPools(prefectApiUrl, pushers);
    log(`load: ${browsers} browsing + ${pushers} pushing users for ${seconds} s`);
    // what starting up and signing in cost upstream is not the load's
    prefectProxy.calls.length = 0;
    awsProxy.calls.length = 0;
    const figures = await runLoad({
      appUrl: apps.pooldeckUrl,
      distDir: apps.distDir,
      prefectApiUrl,
      user: apps.user,
      browsers,
      routes: LOAD_ROUTES,
      pushPools: pools,
      pushThinkMs: 1_000,
      durationMs: seconds * 1000,
      serverPgid: apps.serverPgid,
    });
    return {
      plan: { seconds, browsers, pushers },
      figures,
      aws: upstreamFigures(awsProxy.calls, figures.durationMs),
      prefect: upstreamFigures(prefectProxy.calls, figures.durationMs),
    };
  } finally {
    await apps.stop();
    await prefectProxy.close();
    await awsProxy.close();
  }
}

const mb = (bytes: number | null) =>
  bytes === null ? "n/a" : `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export function formatLoadBench(result: LoadBenchResult): string {
  const { figures, aws, prefect, plan } = result;
  const rows = [...figures.routes, figures.push].map((r) => [
    r.name,
    r.requests.toLocaleString("en-US"),
    (r.requests / (figures.durationMs / 1000)).toFixed(1),
    formatMs(r.p50),
    formatMs(r.p95),
    formatMs(r.p99),
    String(r.errors),
  ]);
  const errors = [...figures.routes, figures.push].reduce((n, r) => n + r.errors, 0);
  const refused = new Map<string, number>();
  for (const reason of figures.push.refused) refused.set(reason, (refused.get(reason) ?? 0) + 1);
  return [
    `${plan.browsers} signed-in users browsing (an even share per route, one session each) and ${plan.pushers} pushing`,
    `(each its own pool: re-read, edit cpu's description, Update pool action, 1 s pause), ${(figures.durationMs / 1000).toFixed(0)} s, the production server (npm start).`,
    "",
    textTable([["route", "requests", "req/s", "p50", "p95", "p99", "errors"], ...rows]),
    "",
    `total ${figures.requestsPerSecond.toFixed(1)} requests/s; errors ${errors} (budget 0: ${errors === 0 ? "PASS" : "MISS"})`,
    `pushes landed ${figures.push.landed}, refused ${figures.push.refused.length}${[...refused].map(([r, n]) => `\n  ${n}× ${r}`).join("")}`,
    `server memory (RSS of the production server): ${mb(figures.rssStartBytes)} at start, ${mb(figures.rssEndBytes)} at the end`,
    `  every ${RSS_SAMPLE_MS / 1000} s: ${figures.rssSamples.map((s) => mb(s.bytes).replace(" MiB", "")).join(", ") || "n/a"} MiB`,
    `AWS calls: ${aws.callsPerMinute.toFixed(0)}/min (${aws.byAction.map((a) => `${a.action} ${a.perMinute.toFixed(1)}`).join(", ")})`,
    `Prefect calls: ${prefect.callsPerMinute.toFixed(0)}/min (${prefect.byAction
      .map((a) => `${a.action} ${a.perMinute.toFixed(1)}`)
      .join(", ")})`,
    `cluster reads (DescribeClusters of one cluster) in the busiest 15 s, per cluster (budget 1, the server's 15 s cache): ${aws.clusterReadsPer15s.map((c) => `${c.cluster} ${c.reads} ${c.reads <= 1 ? "PASS" : "MISS"}`).join(", ") || "none"}`,
  ].join("\n");
}
