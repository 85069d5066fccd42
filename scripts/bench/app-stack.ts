/**
 * The servers the page benchmark measures, all its own: the local stack (scripts/stack.sh: Prefect,
 * which also serves Prefect's UI, and the ECS emulator) on the bench ports with data in .data-bench,
 * seeded; a production build in .next-bench; what ships (its standalone pooldeck-server.mjs, as
 * `npm start` runs it) on the bench app port. A stack that is
 * already running on those ports from .data-bench is reused (and left running); what this module
 * starts, it stops. Ports: POOLDECK_BENCH_PREFECT_PORT (4450), POOLDECK_BENCH_STACK_MOTO_PORT (5450),
 * POOLDECK_BENCH_APP_PORT (3450). POOLDECK_BENCH_SKIP_BUILD=1 reuses an existing .next-bench build.
 * Sign-in is on, as in production: the e2e test users (testing/e2e/test-auth.ts) in
 * .data-bench/bench-auth/users.json and a session secret made for the run.
 * For a memory investigation: POOLDECK_BENCH_SERVER_NODE_OPTIONS are the server's NODE_OPTIONS
 * (e.g. `--import ./testing/memory-sampler.mjs`) and POOLDECK_BENCH_SERVER_LOG a file for its output (discarded otherwise).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { ensureTestUsersFile, TEST_USERS } from "@/testing/e2e/test-auth";

import { SERVER_ENTRY } from "../build/server-entry";

export interface BenchApps {
  pooldeckUrl: string;
  /** the editor test user the page benchmark signs in as (sign-in is not timed) */
  user: { username: string; password: string };
  prefectUrl: string;
  distDir: string;
  buildMs: number | null;
  /** the process group of the production server, for its memory */
  serverPgid: number;
  stop(): Promise<void>;
}

/** The bench stack's ports (overridable by environment variables). */
export function benchPorts(): { prefect: string; moto: string; app: string } {
  return {
    prefect: process.env.POOLDECK_BENCH_PREFECT_PORT ?? "4450",
    moto: process.env.POOLDECK_BENCH_STACK_MOTO_PORT ?? "5450",
    app: process.env.POOLDECK_BENCH_APP_PORT ?? "3450",
  };
}

export interface BenchAppOptions {
  /** where the app reaches Prefect and AWS, when not directly (the load bench counts through proxies) */
  upstreams?: { prefectApiUrl: string; awsEndpointUrl: string };
  /** reuse an existing build in `distDir` (a second part of the same run) */
  reuseBuild?: boolean;
  /** the build to serve (default .next-bench; built from the working tree unless reused) */
  distDir?: string;
  /** the server's port (default: benchPorts().app) */
  appPort?: string;
  /** the session secret (default: one made for this server); servers that share it share sign-ins */
  authSecret?: string;
}

const root = join(import.meta.dirname, "..", "..");

async function waitFor(url: string, seconds: number, what: string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not answer ${url} within ${seconds} s`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, what: string): void {
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status ?? res.signal})`);
}

/** Starts (or reuses) the stack, seeds it, builds and serves Pooldeck; stop() undoes what it started. */
export async function startBenchApps(
  log: (line: string) => void,
  options: BenchAppOptions = {},
): Promise<BenchApps> {
  const { upstreams } = options;
  const { prefect: prefectPort, moto: motoPort, app: defaultAppPort } = benchPorts();
  const appPort = options.appPort ?? defaultAppPort;
  const dataDir = join(root, ".data-bench");
  const distDir = options.distDir ?? ".next-bench";
  const prefectUrl = `http://127.0.0.1:${prefectPort}`;
  // the seed and the app read PREFECT_API_URL and AWS_ENDPOINT_URL(_ECS) before the ports: a shell
  // that names another stack (e.g. for the runs part) must not have the bench use that one
  const stackEnv = {
    ...process.env,
    POOLDECK_PREFECT_PORT: prefectPort,
    POOLDECK_MOTO_PORT: motoPort,
    POOLDECK_DATA_DIR: dataDir,
    PREFECT_API_URL: `${prefectUrl}/api`,
    AWS_ENDPOINT_URL: `http://127.0.0.1:${motoPort}`,
    AWS_ENDPOINT_URL_ECS: `http://127.0.0.1:${motoPort}`,
  };
  const stackPid = join(dataDir, "run", "prefect.pid");
  const ownStack = !existsSync(stackPid);
  if (ownStack) log(`starting the stack: Prefect :${prefectPort}, ECS emulator :${motoPort}`);
  else log(`reusing the stack already running from .data-bench (Prefect :${prefectPort})`);
  run("bash", ["scripts/stack.sh", "start"], stackEnv, "starting the stack");
  const stopStack = () => {
    if (ownStack) spawnSync("bash", ["scripts/stack.sh", "stop"], { cwd: root, env: stackEnv });
  };
  let server: ChildProcess | undefined;
  const usersFile = join(dataDir, "bench-auth", "users.json");
  ensureTestUsersFile(usersFile);
  try {
    // Prefect's SQLite answers 503 while locked on a busy machine; the seed is idempotent, so retry
    for (let attempt = 1; ; attempt++) {
      try {
        run("npx", ["tsx", "testing/seed/index.ts"], stackEnv, "seeding");
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        log(`seeding failed (attempt ${attempt}), retrying in 5 s`);
        await new Promise((r) => setTimeout(r, 5_000));
      }
    }
    // the stack's ports, URLs and data dir (the app keeps its audit history there, never in the
    // lead's .data), or the upstreams' relays in their place
    const appEnv = {
      ...stackEnv,
      ...(upstreams?.prefectApiUrl ? { PREFECT_API_URL: upstreams.prefectApiUrl } : {}),
      ...(upstreams?.awsEndpointUrl
        ? {
            AWS_ENDPOINT_URL: upstreams.awsEndpointUrl,
            AWS_ENDPOINT_URL_ECS: upstreams.awsEndpointUrl,
          }
        : {}),
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      POOLDECK_DIST_DIR: distDir,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      // sign-in on, with the e2e test users in a file of our own and a secret for this run only
      POOLDECK_USERS_FILE: usersFile,
      POOLDECK_AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("hex"),
    };
    let buildMs: number | null = null;
    if (
      (options.reuseBuild || process.env.POOLDECK_BENCH_SKIP_BUILD === "1") &&
      existsSync(join(root, distDir, "BUILD_ID"))
    ) {
      log(`reusing the production build in ${distDir}`);
    } else {
      log(`production build into ${distDir} (a few minutes on 2 cores)`);
      // next build rewrites tsconfig.json for its dist dir; put the committed one back afterwards
      const tsconfig = readFileSync(join(root, "tsconfig.json"), "utf8");
      const started = Date.now();
      try {
        // with the postbuild (scripts/build/postbuild.ts): Monaco's chunks made eager, compressed copies
        run("npm", ["run", "--silent", "build"], appEnv, "npm run build");
      } finally {
        writeFileSync(join(root, "tsconfig.json"), tsconfig);
      }
      buildMs = Date.now() - started;
    }
    log(`${SERVER_ENTRY} on :${appPort}`);
    const serverLog = process.env.POOLDECK_BENCH_SERVER_LOG;
    const out = serverLog ? openSync(serverLog, "w") : "ignore";
    const serverOptions = process.env.POOLDECK_BENCH_SERVER_NODE_OPTIONS;
    const serverEnv = { ...appEnv, HOSTNAME: "127.0.0.1", PORT: appPort };
    server = spawn("node", [join(root, distDir, "standalone", SERVER_ENTRY)], {
      cwd: root,
      env: serverOptions ? { ...serverEnv, NODE_OPTIONS: serverOptions } : serverEnv,
      stdio: ["ignore", out, out],
      detached: true,
    });
    const pooldeckUrl = `http://127.0.0.1:${appPort}`;
    await waitFor(`${pooldeckUrl}/api/health`, 120, "Pooldeck (production server)");
    const child = server;
    return {
      serverPgid: child.pid!,
      pooldeckUrl,
      user: { username: TEST_USERS.editor.username, password: TEST_USERS.editor.password },
      prefectUrl,
      distDir: join(root, distDir),
      buildMs,
      async stop() {
        // the whole process group
        if (child.pid) {
          try {
            process.kill(-child.pid, "SIGTERM");
          } catch {
            // already gone
          }
        }
        stopStack();
      },
    };
  } catch (error) {
    try {
      if (server?.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // the server never came up, or already ended
    }
    stopStack();
    throw error;
  }
}
