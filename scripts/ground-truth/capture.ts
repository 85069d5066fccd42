/**
 * Captures what the real worker sends for every scenario and saves it under captured/, so the
 * template model can be checked against the worker without starting one:
 *   POOLDECK_PREFECT_PORT=… POOLDECK_MOTO_PORT=… npx tsx scripts/ground-truth/capture.ts [scenario…]
 * Needs the local stack (scripts/stack.sh start).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { format, resolveConfig } from "prettier";

import { runGroundTruth } from "./run-all";

const only = process.argv.slice(2);
const dir = path.join(import.meta.dirname, "captured");
const { captures, ms } = await runGroundTruth({ only, log: (m) => console.log(m) });
await mkdir(dir, { recursive: true });
for (const c of captures) {
  const file = path.join(dir, `${c.scenario}.json`);
  // formatted as `npm run format:check` expects
  const options = { ...(await resolveConfig(file)), parser: "json", filepath: file };
  await writeFile(file, await format(JSON.stringify(c, null, 2), options));
}
console.log(`captured ${captures.length} scenarios in ${(ms / 1000).toFixed(1)} s → ${dir}`);
