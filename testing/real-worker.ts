/**
 * The real prefect-aws ECS worker from .venv, started the way the ground-truth harness and the
 * runs tests need it: a fresh PREFECT_HOME, the emulator (or a recording proxy in front of it) as
 * AWS, and nothing else of the calling shell's environment.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const PREFECT_BIN = path.join(ROOT, ".venv/bin/prefect");

/**
 * Every variable the harness gives the worker process. Prefect copies the worker's own Prefect
 * settings into each flow run's environment (BaseJobConfiguration._base_environment), so these
 * names are also the ones the comparison treats as "from the worker's environment".
 */
export function workerEnvironment(prefectApiUrl: string, prefectHome: string, awsEndpoint: string) {
  return {
    prefect: {
      PREFECT_API_URL: prefectApiUrl,
      // a fresh home: no profile of the machine's user leaks settings into the run
      PREFECT_HOME: prefectHome,
    },
    aws: {
      AWS_ENDPOINT_URL: awsEndpoint,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
  };
}

/**
 * Spawns the real worker, `prefect worker start --pool <pool> --type ecs [args]`, in its own
 * process group (so `kill()` stops it and anything it spawned) and with only the environment it
 * needs: no PREFECT_* or AWS_* of the calling shell leaks into the run. `exited` resolves with a
 * sentence saying how it ended.
 */
export function spawnWorker(opts: {
  pool: string;
  prefectApiUrl: string;
  awsEndpoint: string;
  home: string;
  args?: string[];
  env?: Record<string, string>;
}) {
  const env = workerEnvironment(opts.prefectApiUrl, opts.home, opts.awsEndpoint);
  const child = spawn(
    PREFECT_BIN,
    ["worker", "start", "--pool", opts.pool, "--type", "ecs", ...(opts.args ?? [])],
    {
      cwd: opts.home,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? opts.home,
        LANG: "C.UTF-8",
        ...env.prefect,
        ...opts.env,
        ...env.aws,
      } as Record<string, string> as unknown as NodeJS.ProcessEnv, // Next's types demand NODE_ENV
    },
  );
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<{ code: number | null; message: string }>((resolve) =>
    child.on("exit", (code, signal) =>
      resolve({ code, message: `the worker exited (code ${code}, signal ${signal})` }),
    ),
  );
  return {
    exited,
    log: () => log,
    kill() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    },
  };
}
