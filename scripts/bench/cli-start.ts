/**
 * CLI start-up benchmark: wall-clock medians of the bundled `pooldeck --help` (dist/cli, as
 * installed from the packed package) and `pooldeck check` of Prefect's default template, beside
 * Node's own start (`node -e 0`) and the repository's tsx launcher. Target: `--help` in 300 ms.
 * Run: `npx tsx scripts/bench/cli-start.ts` (or `npm run bench -- --only=cli`).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildCli } from "@/scripts/cli/build";
import { median } from "./stats";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const TARGET_MS = 300;

export interface CliStartResult {
  name: string;
  medianMs: number;
  runs: number;
  targetMs?: number;
}

function time(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    try {
      execFileSync(process.execPath, args, { cwd: REPO, stdio: "ignore" });
    } catch {
      // `check` exits 1 when it finds errors; only the time matters here
    }
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Builds dist/cli and times each command `runs` times. */
export async function runCliStartBench(runs = 10): Promise<CliStartResult[]> {
  const dir = await buildCli();
  const bundled = join(dir, "pooldeck.mjs");
  const template = join(REPO, "lib/template/fixtures/prefect-ecs-default.json");
  return [
    { name: "node -e 0 (Node's own start)", medianMs: time(["-e", "0"], runs), runs },
    {
      name: "pooldeck --help (bundled)",
      medianMs: time([bundled, "--help"], runs),
      runs,
      targetMs: TARGET_MS,
    },
    {
      name: "pooldeck check <Prefect's default template> (bundled)",
      medianMs: time([bundled, "check", template], runs),
      runs,
    },
    {
      name: "pooldeck --help (repository's cli/bin.mjs through tsx)",
      medianMs: time([join(REPO, "cli/bin.mjs"), "--help"], Math.min(runs, 3)),
      runs: Math.min(runs, 3),
    },
  ];
}

/**
 * One line per command: median and, where there is one, the target; then the CLI's own share
 * (above Node's start), which a loaded machine inflates far less than the wall-clock figure.
 */
export function formatCliStartBench(results: CliStartResult[]): string {
  const node = results[0]?.medianMs ?? 0;
  const help = results[1]?.medianMs ?? 0;
  const lines = results.map(
    (r) =>
      `${r.name} (${r.runs} runs): median ${r.medianMs.toFixed(0)} ms` +
      (r.targetMs
        ? `, target ${r.targetMs} ms, ${r.medianMs <= r.targetMs ? "PASS" : "MISS"}`
        : ""),
  );
  lines.push(`pooldeck --help above Node's own start: ${(help - node).toFixed(0)} ms`);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatCliStartBench(await runCliStartBench()));
}
