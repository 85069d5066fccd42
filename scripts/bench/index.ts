/**
 * `npm run bench`: every benchmark, printed and written to BENCHMARKS.md with the machine, the
 * versions and the date. Figures are medians of several runs; budgets are reported, never asserted
 * (these machines are noisy).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

import { formatChecksBench, runChecksBench } from "./checks";
import { formatClusterBench, runClusterBench } from "./cluster";

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

async function main() {
  const started = new Date();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  const versions = `Node ${process.version}, next ${version("next")}, react ${version("react")}, @aws-sdk/client-ecs ${version("@aws-sdk/client-ecs")}; ${pythonVersions()}`;
  console.log(`machine: ${machine}\nversions: ${versions}\n`);

  const checks = formatChecksBench(await runChecksBench());
  console.log(`${checks}\n`);
  const cluster = formatClusterBench(await runClusterBench());
  console.log(`${cluster}\n`);

  const report = [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` on ${started.toISOString()}. Medians of several runs; budgets are`,
    "reported here, not asserted in tests.",
    "",
    `- Machine: ${machine}`,
    `- Versions: ${versions}`,
    "",
    "## Check engine (parse + check + render, per keystroke in the editor)",
    "",
    "```",
    checks,
    "```",
    "",
    "## Cluster snapshot (lib/ecs against the moto emulator)",
    "",
    "```",
    cluster,
    "```",
    "",
  ].join("\n");
  writeFileSync(join(root, "BENCHMARKS.md"), report);
  console.log("wrote BENCHMARKS.md");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
