/**
 * A moto server of our own on a free port, for the benchmark and for tests that must not touch the
 * stack's emulator (a reset, or IAM enforcement). No lib/ecs import: Playwright specs load this.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

import { freePort } from "./free-port";

/** Starts a moto server of our own on a free port (the stack's emulator stays untouched); stop() ends only it. */
export async function startPrivateMoto(): Promise<{ endpoint: string; stop: () => void }> {
  const port = Number(process.env.POOLDECK_BENCH_MOTO_PORT) || (await freePort());
  const child = await startMoto(port);
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => void child.kill("SIGTERM") };
}

async function startMoto(port: number): Promise<ChildProcess> {
  const bin = join(process.cwd(), ".venv", "bin", "moto_server");
  const child = spawn(bin, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/moto-api/`);
      if (res.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(
    `moto did not start on port ${port} (is .venv set up? bash scripts/setup-python.sh)`,
  );
}
