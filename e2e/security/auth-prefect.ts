/**
 * A second, throw-away Prefect server with basic auth (PREFECT_SERVER_API_AUTH_STRING), started
 * from .venv for the one spec that needs PREFECT_API_AUTH_STRING configured; the shared stack
 * runs without auth. Costs one server start (20–40 s on a busy machine).
 */
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Starts Prefect with basic auth; resolves once /api/health answers. */
export async function startAuthPrefect(
  authString: string,
): Promise<{ apiUrl: string; stop: () => Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), "pooldeck-e2e-prefect-auth-"));
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const log = openSync(join(home, "server.log"), "w");
  const child = spawn(
    join(process.cwd(), ".venv/bin/prefect"),
    [
      "server",
      "start",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--no-services",
      "--no-ui",
      "--analytics-off",
    ],
    {
      // only what the server needs (NODE_ENV only because Next's types make it a required key)
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH,
        HOME: home,
        PREFECT_HOME: home,
        PREFECT_API_DATABASE_CONNECTION_URL: `sqlite+aiosqlite:///${home}/prefect.db`,
        PREFECT_SERVER_ANALYTICS_ENABLED: "false",
        PREFECT_SERVER_API_AUTH_STRING: authString,
      },
      stdio: ["ignore", log, log],
      detached: true,
    },
  );
  const stop = async () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    await rm(home, { recursive: true, force: true });
  };
  const deadline = Date.now() + 150_000;
  const basic = `Basic ${Buffer.from(authString).toString("base64")}`;
  for (;;) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${apiUrl}/health`, { headers: { authorization: basic } })).ok) {
        return { apiUrl, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const tail = (await readFile(join(home, "server.log"), "utf8").catch(() => "")).slice(-2000);
  await stop();
  throw new Error(`Prefect with basic auth did not become healthy at ${apiUrl}:\n${tail}`);
}
