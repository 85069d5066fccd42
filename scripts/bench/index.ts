/**
 * `npm run bench`: every benchmark, printed and written to BENCHMARKS.md with the machine, the
 * versions and the date. Figures are medians of several runs; budgets are reported, never asserted
 * (these machines are noisy). Self-contained: the page figures start their own stack, build and
 * server (app-stack.ts). 5–11 minutes on 2 cores (276 s in the last run, 68 s of it the build).
 *   npm run bench                        everything, writes BENCHMARKS.md
 *   npm run bench -- --only=pages,route  some parts (checks, cli, cluster, runs, registration, pages, route, load), prints only
 * The runs part needs the local stack's Prefect (PREFECT_API_URL, `npm run stack:start`); without it
 * the part says so and the rest runs.
 * POOLDECK_BENCH_PAGE_RUNS (5) sets the runs per page; POOLDECK_BENCH_SKIP_BUILD=1 reuses .next-bench.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";

import { signIn } from "@/testing/e2e/sign-in";

import { startBenchApps } from "./app-stack";
import { formatChecksBench, runChecksBench } from "./checks";
import { runChecksFuzzBench } from "./checks-fuzz";
import { formatCliStartBench, runCliStartBench } from "./cli-start";
import { formatClusterBench, runClusterBench } from "./cluster";
import { formatBudgets } from "./budgets";
import { formatPageReport } from "./page-report";
import { formatRegistrationBench, runRegistrationBench } from "./registration";
import { CONFLICT_WAIT_MS, runPageBench } from "./pages";
import { formatLoadBench, runLoadBench } from "./load";
import { formatRunsBench, runRunsBench } from "./runs";
import { formatRouteJs, measureRouteJs } from "./route-js";

const root = join(import.meta.dirname, "..", "..");

function version(pkg: string): string {
  const json = JSON.parse(
    readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8"),
  ) as {
    version: string;
  };
  return json.version;
}

function pythonVersions(): string {
  try {
    return execFileSync(
      join(root, ".venv", "bin", "python"),
      [
        "-c",
        "import importlib.metadata as m; print(', '.join(f'{p} {m.version(p)}' for p in ('prefect','prefect-aws','moto')))",
      ],
      { encoding: "utf8" },
    ).trim();
  } catch {
    return "(.venv missing: run npm run stack:start once)";
  }
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
    });
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: root,
      encoding: "utf8",
    });
    return `${head.trim()}${dirty.trim() ? " (with uncommitted changes in the checkout)" : ""}`;
  } catch {
    return "unknown";
  }
}

/** The budget table of the page and route figures, printed last (see budgets.ts). */
function budgets(input: Parameters<typeof formatBudgets>[0]): string {
  const text = formatBudgets(input);
  console.log(`${text}\n`);
  return text;
}

async function pagesAndRoute(
  parts: Set<string>,
): Promise<{ pages?: string; route?: string; budgets: string; buildMs: number | null }> {
  const apps = await startBenchApps((line) => console.log(line));
  try {
    const routeJs = parts.has("route") ? measureRouteJs(apps.distDir) : undefined;
    const route = routeJs ? formatRouteJs(routeJs) : undefined;
    if (route) console.log(`${route}\n`);
    if (!parts.has("pages"))
      return {
        ...(route ? { route } : {}),
        budgets: budgets(routeJs ? { route: routeJs } : {}),
        buildMs: apps.buildMs,
      };
    const before = load();
    const pool = "demo-ecs";
    const result = await runPageBench({
      pooldeckUrl: apps.pooldeckUrl,
      prefectUrl: apps.prefectUrl,
      pool,
      runs: Number(process.env.POOLDECK_BENCH_PAGE_RUNS) || 5,
      screenshotDir: join(root, ".data-bench", "screenshots"),
      signIn: (page) => signIn(page, { baseURL: apps.pooldeckUrl, ...apps.user }),
      log: (line) => console.log(line),
    });
    const pages =
      formatPageReport({
        chromium: result.chromium,
        pool,
        urls: result.urls,
        runs: result.runs,
        conflictWaitMs: CONFLICT_WAIT_MS,
      }) +
      `\nLoad average (1/5/15 min) before the page runs: ${before}; after: ${load()}` +
      (result.conflictTrace
        ? `\nChromium performance trace of the warm-up round's conflict keystroke (Pooldeck):\n${result.conflictTrace}`
        : "") +
      `\nScreenshots of the warm-up round: ${result.screenshots.map((p) => p.replace(root + "/", "")).join(", ")}`;
    console.log(`${pages}\n`);
    return {
      pages,
      ...(route ? { route } : {}),
      budgets: budgets({ runs: result.runs, ...(routeJs ? { route: routeJs } : {}) }),
      buildMs: apps.buildMs,
    };
  } finally {
    await apps.stop();
  }
}

/** The runs benchmark against the stack's Prefect, or a line saying why it did not run. */
async function runsPart(): Promise<string> {
  const apiUrl = process.env.PREFECT_API_URL ?? "http://127.0.0.1:4200/api";
  const healthy = await fetch(`${apiUrl}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (!healthy)
    return `(not run: no Prefect answers at ${apiUrl}; start it with npm run stack:start)`;
  return formatRunsBench(await runRunsBench(apiUrl));
}

async function main() {
  const started = new Date();
  const only = process.argv.find((a) => a.startsWith("--only="));
  const parts = new Set(
    only
      ? only.slice("--only=".length).split(",")
      : ["checks", "cli", "cluster", "runs", "registration", "route", "pages", "load"],
  );
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  const versions = `Pooldeck ${gitCommit()}; Node ${process.version}, next ${version("next")}, react ${version("react")}, @aws-sdk/client-ecs ${version("@aws-sdk/client-ecs")}, playwright-core ${version("playwright-core")}; ${pythonVersions()}`;
  console.log(`machine: ${machine}\nversions: ${versions}\nload average at start: ${load()}\n`);

  const checksLoad = load();
  const checks = parts.has("checks")
    ? `${formatChecksBench(await runChecksBench())}\n${await runChecksFuzzBench()}`
    : undefined;
  if (checks) console.log(`${checks}\n`);
  const cliLoad = load();
  const cli = parts.has("cli") ? formatCliStartBench(await runCliStartBench()) : undefined;
  if (cli) console.log(`${cli}\n`);
  const clusterLoad = load();
  const cluster = parts.has("cluster") ? formatClusterBench(await runClusterBench()) : undefined;
  if (cluster) console.log(`${cluster}\n`);
  const runsLoad = load();
  const runs = parts.has("runs") ? await runsPart() : undefined;
  if (runs) console.log(`${runs}\n`);
  const registrationLoad = load();
  const registration = parts.has("registration")
    ? formatRegistrationBench(await runRegistrationBench())
    : undefined;
  if (registration) console.log(`${registration}\n`);
  const web: { pages?: string; route?: string; budgets?: string; buildMs: number | null } =
    parts.has("pages") || parts.has("route") ? await pagesAndRoute(parts) : { buildMs: null };
  const loadBefore = load();
  const loadRun = parts.has("load")
    ? formatLoadBench(await runLoadBench((line) => console.log(line), web.buildMs !== null))
    : undefined;
  const loadAfter = load();
  if (loadRun) console.log(`${loadRun}\n`);
  const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(0);
  console.log(`done in ${seconds} s`);
  if (only) {
    console.log("(--only: BENCHMARKS.md not written)");
    return;
  }
  const chromium = /Chromium ([\d.]+)/.exec(web.pages ?? "")?.[1] ?? "n/a";
  const report = [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` on ${started.toISOString()} (took ${seconds} s${web.buildMs ? `, of which the production build ${(web.buildMs / 1000).toFixed(0)} s` : ""}).`,
    "Medians of several runs; budgets are reported here, not asserted in tests. The machine is shared",
    "and wall-clock figures scale with its load, so the load average is recorded next to each block.",
    "",
    `- Machine: ${machine}`,
    `- Versions: ${versions}; Chromium ${chromium}`,
    "",
    "## Pool editor page against Prefect's own UI (Chromium, production build)",
    "",
    "```",
    web.budgets ?? "(budgets: pages and route not run)",
    "",
    web.pages ?? "(not run)",
    "```",
    "",
    "## Editor route JavaScript (production build)",
    "",
    "```",
    web.route ?? "(not run)",
    "```",
    "",
    "## Check engine (parse + check + render, per keystroke in the editor)",
    "",
    `Load average (1/5/15 min) at the start: ${checksLoad}`,
    "",
    "```",
    checks ?? "(not run)",
    "```",
    "",
    "## CLI start-up (the bundled package of npm run pack:cli)",
    "",
    `Load average (1/5/15 min) at the start: ${cliLoad}`,
    "",
    "```",
    cli ?? "(not run)",
    "```",
    "",
    "## Runs page (lib/runs: Prefect flow runs joined with DescribeTasks, moto emulator)",
    "",
    `Load average (1/5/15 min) at the start: ${runsLoad}`,
    "",
    "```",
    runs ?? "(not run)",
    "```",
    "",
    "## Cluster snapshot (lib/ecs against the moto emulator)",
    "",
    `Load average (1/5/15 min) at the start: ${clusterLoad}`,
    "",
    "```",
    cluster ?? "(not run)",
    "```",
    "",
    "## Under load (the production server: 50 users browsing, 5 pushing, 60 s)",
    "",
    `Load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}`,
    "",
    "```",
    loadRun ?? "(not run)",
    "```",
    "",
    "## Registration prediction (lib/registration against the moto emulator)",
    "",
    `Load average (1/5/15 min) at the start: ${registrationLoad}`,
    "",
    "```",
    registration ?? "(not run)",
    "```",
    "",
    ...handMeasuredSections(join(root, "BENCHMARKS.md")),
  ].join("\n");
  writeFileSync(join(root, "BENCHMARKS.md"), report);
  console.log("wrote BENCHMARKS.md");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Sections of the current BENCHMARKS.md headed "## Measured by hand: …" (figures taken with a
 * script of their own, e.g. scripts/bench/first-byte.sh), kept as they are when the file is rewritten.
 */
function handMeasuredSections(file: string): string[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split(/^(?=## )/m)
    .filter((section) => section.startsWith("## Measured by hand:"))
    .map((section) => section.trimEnd() + "\n");
}
