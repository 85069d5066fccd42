/**
 * A throw-away Prefect server from .venv on a free port, with its own home and SQLite database, for
 * the tests that need a server configured unlike the shared stack (basic auth, CSRF protection).
 * Only the variables given reach it: an inherited PREFECT_API_URL or profile must not leak in.
 * Costs one server start (20–40 s on a busy machine).
 */
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { freePort } from "./free-port";

export interface ThrowawayPrefect {
  /** e.g. http://127.0.0.1:41234/api */
  apiUrl: string;
  /** stops the server and its children, then removes its home */
  stop(): Promise<void>;
  /** sends a signal to the server and its children (SIGSTOP hangs it, SIGCONT resumes, SIGKILL downs it) */
  signal(signal: NodeJS.Signals): void;
}

export interface ThrowawayPrefectOptions {
  /** server settings, e.g. PREFECT_SERVER_API_AUTH_STRING */
  env?: Record<string, string>;
  /** user:password for the health check when the server has basic auth */
  authString?: string;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    // ESRCH: the group is already gone
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

/** Starts the server; resolves once /api/health answers, or throws with the log's tail. */
export async function startThrowawayPrefect(
  options: ThrowawayPrefectOptions = {},
): Promise<ThrowawayPrefect> {
  const home = await mkdtemp(join(tmpdir(), "pooldeck-throwaway-prefect-"));
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const log = openSync(join(home, "server.log"), "w");
  const args = ["server", "start", "--host", "127.0.0.1", "--port", String(port)];
  const child = spawn(
    join(process.cwd(), ".venv/bin/prefect"),
    [...args, "--no-services", "--no-ui", "--analytics-off"],
    {
      env: {
        // NODE_ENV only because Next's types make it a required key of ProcessEnv
        NODE_ENV: "test",
        PATH: process.env.PATH,
        HOME: home,
        PREFECT_HOME: home,
        PREFECT_API_DATABASE_CONNECTION_URL: `sqlite+aiosqlite:///${home}/prefect.db`,
        PREFECT_SERVER_ANALYTICS_ENABLED: "false",
        ...options.env,
      },
      stdio: ["ignore", log, log],
      // its own process group, so stop() ends the server and its children together
      detached: true,
    },
  );
  const stop = async () => {
    const pid = child.pid;
    if (pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      signalGroup(pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      signalGroup(pid, "SIGKILL");
    }
    await rm(home, { recursive: true, force: true });
  };
  const headers: Record<string, string> = options.authString
    ? { authorization: `Basic ${Buffer.from(options.authString).toString("base64")}` }
    : {};
  const deadline = Date.now() + 150_000;
  while (child.exitCode === null && Date.now() < deadline) {
    try {
      if ((await fetch(`${apiUrl}/health`, { headers })).ok) {
        return { apiUrl, stop, signal: (signal) => child.pid && signalGroup(child.pid, signal) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const tail = (await readFile(join(home, "server.log"), "utf8").catch(() => "")).slice(-2000);
  await stop();
  throw new Error(`the throw-away Prefect server at ${apiUrl} did not become healthy:\n${tail}`);
}
