/**
 * Variables-schema validators compared, to choose how the browser validates without eval:
 * @cfworker/json-schema (interprets schemas; what lib/checks uses) against Ajv (compiles them with
 * `new Function`, so in the browser only inside a worker served with its own policy; the
 * reference in testing/ajv-variables.ts). Per keystroke: validate a job_variables object built
 * from the template's defaults with one value changing each time (valid, then with a wrong type).
 * Cold: prepare a schema never seen before. Worker: a message round trip to a worker_threads echo,
 * the least an asynchronous Ajv would add per keystroke. Size: each engine's module bundled and
 * minified for the browser by esbuild (main's Ajv module from git), gzip level 6.
 * Run: `npx tsx scripts/bench/schema-engines.ts`.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

import { compileVariablesSchema, validateValues } from "@/lib/checks/schema-validation";
import awsWorkerDefault from "@/lib/template/fixtures/prefect-aws-worker-default.json";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";
import { ajvCompileVariablesSchema, ajvValidateValues } from "@/testing/ajv-variables";
import { median } from "./stats";

const root = join(import.meta.dirname, "..", "..");
const RUNS = 2_000;

function valuesOf(variables: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(variables.properties as JsonObject)) {
    const d = (schema as JsonObject).default;
    if (d !== undefined && d !== null) out[name] = d;
  }
  return {
    ...out,
    image: "prefecthq/prefect:3-latest",
    cpu: 1024,
    memory: 2048,
    env: { A: "1" },
    capacity_provider_strategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
  };
}

function time(run: (i: number) => void, runs = RUNS): number {
  // warm-up inputs differ from the measured ones, so no cache answers a measured run
  for (let i = 0; i < 50; i++) run(1_000_000 + i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

function keystrokes(name: string, variables: JsonObject): string[] {
  const base = valuesOf(variables);
  const cf = compileVariablesSchema(variables);
  const ajv = ajvCompileVariablesSchema(variables);
  if (!cf.ok || !ajv.ok) throw new Error(`${name}: the schema does not compile`);
  const valid = (i: number) => ({ ...base, image: `prefecthq/prefect:3-${i}` });
  const invalid = (i: number) => ({ ...base, image: `p:${i}`, cpu: `${i}` });
  const cfValid = time((i) => validateValues(cf, valid(i)));
  const ajvValid = time((i) => ajvValidateValues(ajv, valid(i)));
  const cfInvalid = time((i) => validateValues(cf, invalid(i)));
  const ajvInvalid = time((i) => ajvValidateValues(ajv, invalid(i)));
  // a schema never seen: a different maxLength on `name` each time defeats every cache
  const fresh = (i: number) => {
    const copy = structuredClone(variables);
    ((copy.properties as JsonObject).name as JsonObject).maxLength = 1000 + i;
    return copy;
  };
  const cfCold = time((i) => compileVariablesSchema(fresh(i + 100_000)), 40);
  const ajvCold = time((i) => ajvCompileVariablesSchema(fresh(i + 200_000)), 40);
  // every variable new (an unknown keyword changes each one): the first check of a template
  const allNew = (i: number) => {
    const copy = structuredClone(variables);
    for (const schema of Object.values(copy.properties as JsonObject))
      (schema as JsonObject)["x-bench"] = i;
    return copy;
  };
  const cfAll = time((i) => compileVariablesSchema(allNew(i + 100_000)), 40);
  const ajvAll = time((i) => ajvCompileVariablesSchema(allNew(i + 200_000)), 40);
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  return [
    `${name} (${Object.keys(variables.properties as JsonObject).length} variables, ${Object.keys(base).length} values):`,
    `  keystroke, valid values:             cfworker ${ms(cfValid)}   Ajv ${ms(ajvValid)}`,
    `  keystroke, a wrong type:             cfworker ${ms(cfInvalid)}   Ajv ${ms(ajvInvalid)}`,
    `  one variable's schema edited (prepare): cfworker ${ms(cfCold)}   Ajv ${ms(ajvCold)}`,
    `  every variable new (first check):     cfworker ${ms(cfAll)}   Ajv ${ms(ajvAll)}`,
  ];
}

async function workerRoundTrip(values: JsonObject): Promise<number> {
  const worker = new Worker(
    "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m));",
    { eval: true },
  );
  const once = () =>
    new Promise<number>((resolve) => {
      const start = performance.now();
      worker.once("message", () => resolve(performance.now() - start));
      worker.postMessage(values);
    });
  const times: number[] = [];
  for (let i = 0; i < 50; i++) await once();
  for (let i = 0; i < 500; i++) times.push(await once());
  await worker.terminate();
  return median(times);
}

async function gzipOf(contents: string, name: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: name, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: code.length, gzip: gzipSync(code, { level: 6 }).length };
}

async function main() {
  const lines = [
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} (1/5/15 min); medians of ${RUNS} keystrokes, 40 new schemas`,
    ...keystrokes(
      "prefect-aws ECS worker default",
      (awsWorkerDefault as unknown as JsonObject).variables as JsonObject,
    ),
    ...keystrokes(
      "Prefect ECS default (definitions dialect)",
      (ecsDefault as unknown as JsonObject).variables as JsonObject,
    ),
  ];
  const rt = await workerRoundTrip(
    valuesOf((awsWorkerDefault as unknown as JsonObject).variables as JsonObject),
  );
  lines.push(`worker message round trip (worker_threads echo of the values): ${rt.toFixed(3)} ms`);
  const mainModule = execFileSync("git", ["show", "main:lib/checks/schema-validation.ts"], {
    cwd: root,
    encoding: "utf8",
  });
  const before = await gzipOf(mainModule, "lib/checks/schema-validation.main.ts");
  const after = await gzipOf(
    'export * from "@/lib/checks/schema-validation";',
    "schema-validation.entry.ts",
  );
  const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
  lines.push(
    `module, minified: Ajv 2020 + ajv-formats (main) ${kB(before.raw)} raw, ${kB(before.gzip)} gzip;` +
      ` @cfworker/json-schema + 2020-12 meta-schema ${kB(after.raw)} raw, ${kB(after.gzip)} gzip`,
  );
  console.log(lines.join("\n"));
}

await main();
