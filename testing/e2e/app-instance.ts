import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { SERVER_ENTRY } from "@/scripts/build/server-entry";

import { testAuthEnv } from "./test-auth";

/**
 * Starts one more instance of the production build with its own environment, for tests about a
 * configuration the shared server does not have (e.g. a Prefect server that is not running).
 * `standalone` starts what ships instead of `next start`: `node <distDir>/standalone/pooldeck-server.mjs`
 * (scripts/build/postbuild.ts has copied the static files and their compressed copies beside it).
 */
export async function startAppInstance(
  port: number,
  env: Record<string, string>,
  options: { standalone?: boolean } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dist = process.env.POOLDECK_DIST_DIR || ".next";
  const [command, args] = options.standalone
    ? ["node", [path.resolve(dist, "standalone", SERVER_ENTRY)]]
    : ["npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(port)]];
  const child: ChildProcess = spawn(command, args, {
    env: {
      ...process.env,
      // sign-in is required outside development; a test may override it to see the refusal
      ...testAuthEnv(),
      // the standalone server's address; it runs from its own folder, so the data dir is absolute
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      POOLDECK_DATA_DIR: path.resolve(process.env.POOLDECK_DATA_DIR ?? ".data"),
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the app instance exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health/live`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`the app instance did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}
