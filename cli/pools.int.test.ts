/**
 * Pools as code against the local stack's real Prefect server: the `pooldeck` commands of the
 * README's "Pools as code" section (read from it, so the CI examples and this test cannot drift
 * apart), run the way CI runs them: export → edit → diff (1) → apply → diff (0); a pool changed
 * by hand refused; --create; and every kind of unusable input (one line, exit 2, nothing sent).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openAuditStore } from "@/lib/audit/server";
import { parseConfig } from "@/lib/env/schema";
import { createPrefectClient } from "@/lib/prefect/client";
import { managedSource } from "@/lib/prefect/managed";
import { getDefaultTemplates, readWorkPool } from "@/lib/prefect/work-pools";
import { readDeployment } from "@/lib/prefect/deployments";
import { prefectApi } from "@/scripts/ground-truth/prefect-api";
import { freePort } from "@/testing/free-port";
import { localPrefectUrl, uniquePrefix } from "@/testing/prefect";
import type { JsonObject } from "@/lib/template/types";

import { runPoolsCommand, type PoolsClients } from "./pools";

const apiUrl = localPrefectUrl();
const api = prefectApi(apiUrl);
const prefix = uniquePrefix("pac");
const pool = `${prefix}etl`;
const created = `${prefix}new`;
const flowName = `${prefix}flow`;
const SOURCE = "github.com/acme/pools";
const client = createPrefectClient({ apiUrl, cloud: null }, { retry: { maxAttempts: 1 } });
// the default template names no cluster: the checks run without reading ECS
const clients: PoolsClients = {
  prefect: client,
  readCluster: async () => ({ problem: "not read in this test" }),
};
let dir = "";
let deploymentId = "";
let flowId = "";

/** The `pooldeck …` commands in the README's code blocks of "Pools as code", normalised. */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(join(import.meta.dirname, "..", "README.md"), "utf8");
  const start = readme.indexOf("## Pools as code");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const blocks = [...section.matchAll(/^(`{3,})(?:sh|yaml)\n([\s\S]*?)\n\1\n/gm)].map((m) => m[2]!);
  const commands = new Set<string>();
  for (const block of blocks) {
    for (const m of block.matchAll(/pooldeck (?:export|check|diff|apply)\b[^\n;|>&)#]*/g)) {
      commands.add(
        m[0]
          .replace(/"[^"]*"/g, "<arg>")
          .replace(/\s+/g, " ")
          .trim(),
      );
    }
  }
  return [...commands].sort();
}

/** One README command with the test's pool, directory and actor, run in-process. */
async function pooldeck(command: string, options: { dir?: string; prefect?: PoolsClients } = {}) {
  const argv = command
    .split(" ")
    .slice(1)
    .map((a) =>
      a === "pools" ? (options.dir ?? dir) : a === "etl" ? pool : a === "<arg>" ? "ci-bot" : a,
    );
  let stdout = "";
  let stderr = "";
  const code = await runPoolsCommand(
    argv[0] as "export" | "diff" | "apply",
    argv.slice(1),
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    options.prefect ?? clients,
  );
  return { code, stdout, stderr };
}

const EXPORT = "pooldeck export --pool etl --deployments --out pools";
const DIFF = "pooldeck diff pools --create";
const APPLY = "pooldeck apply pools --create --yes --actor <arg>";
const CHECK = "pooldeck check <arg>";

const readJsonFile = async (path: string) => JSON.parse(await readFile(path, "utf8")) as JsonObject;
const poolFile = () => join(dir, `${pool}.pool.json`);
const deploymentFile = () => join(dir, `${pool}.deployments`, `${flowName}--nightly.json`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pooldeck-pac-"));
  const template = (await getDefaultTemplates(client)).ecs!.baseJobTemplate as JsonObject;
  await api.createWorkPool(pool, template);
  await client.api.PATCH("/work_pools/{name}", {
    params: { path: { name: pool } },
    body: { description: "Nightly ETL" },
  });
  flowId = (await api.createFlow(flowName)).id;
  deploymentId = (await api.createDeployment(flowId, "nightly", pool, { cpu: 1024 })).id;
});

afterAll(async () => {
  await api.deleteDeployment(deploymentId).catch(() => undefined);
  await api.deleteFlow(flowId).catch(() => undefined);
  for (const name of [pool, created]) await api.deleteWorkPool(name).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe("pools as code", () => {
  it("runs exactly the commands the README's CI examples run", async () => {
    expect(await readmeCommands()).toEqual([APPLY, CHECK, DIFF, EXPORT].sort());
  });

  it("exports normalised files with the recorded version; a second export is byte-identical", async () => {
    const first = await pooldeck(`${EXPORT} --managed-by ${SOURCE}`);
    expect(first).toEqual({
      code: 0,
      stdout: `${poolFile()}\n${deploymentFile()}\n`,
      stderr: "",
    });
    const stored = await readWorkPool(client, pool);
    const doc = await readJsonFile(poolFile());
    expect(doc.description).toBe(`Nightly ETL\n\nx-pooldeck-managed: ${SOURCE}`);
    expect(doc["x-pooldeck"]).toEqual({
      kind: "work-pool",
      updated: stored.updated,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Object.keys(doc)).toEqual([
      "base_job_template",
      "concurrency_limit",
      "description",
      "is_paused",
      "name",
      "type",
      "x-pooldeck",
    ]);
    const text = await readFile(poolFile(), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "base_job_template": {');
    expect(await readJsonFile(deploymentFile())).toEqual({
      pool,
      flow: flowName,
      deployment: "nightly",
      job_variables: { cpu: 1024 },
      "x-pooldeck": {
        kind: "deployment",
        updated: (await readDeployment(client, deploymentId)).updated,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    const again = await mkdtemp(join(tmpdir(), "pooldeck-pac-again-"));
    expect((await pooldeck(`${EXPORT} --managed-by ${SOURCE}`, { dir: again })).code).toBe(0);
    for (const file of [poolFile(), deploymentFile()]) {
      expect(await readFile(file.replace(dir, again), "utf8")).toBe(await readFile(file, "utf8"));
    }
    await rm(again, { recursive: true, force: true });
  });

  it("export → edit → diff exits 1 → apply → diff exits 0, recorded as the CLI", async () => {
    const doc = await readJsonFile(poolFile());
    const template = doc.base_job_template as { variables: { properties: { cpu: JsonObject } } };
    template.variables.properties.cpu.default = 1024;
    await writeFile(poolFile(), JSON.stringify({ ...doc, concurrency_limit: 3 }, null, 2));
    const deployment = await readJsonFile(deploymentFile());
    await writeFile(
      deploymentFile(),
      JSON.stringify({ ...deployment, job_variables: { cpu: 2048, memory: 4096 } }),
    );

    const diff = await pooldeck(DIFF);
    expect(diff.stderr).toBe("");
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain(
      `pool ${pool}: base_job_template, description, concurrency_limit would change\n`,
    );
    expect(diff.stdout).toContain('+          "default": 1024,\n');
    expect(diff.stdout).toContain(
      [
        '-  "concurrency_limit": null,',
        '-  "description": "Nightly ETL",',
        '+  "concurrency_limit": 3,',
        `+  "description": ${JSON.stringify(`Nightly ETL\n\nx-pooldeck-managed: ${SOURCE}`)},`,
      ].join("\n"),
    );
    expect(diff.stdout).toContain(`deployment ${flowName}/nightly: job_variables would change\n`);
    expect(diff.stdout).toContain('-  "cpu": 1024\n+  "cpu": 2048,\n+  "memory": 4096\n');
    expect(diff.stdout).toContain(
      "  checks before: 0 errors, 0 warnings; after: 0 errors, 0 warnings\n",
    );

    const check = await promisify(execFile)(process.execPath, [
      join(import.meta.dirname, "bin.mjs"),
      ...CHECK.split(" ")
        .slice(1)
        .map((a) => (a === "<arg>" ? poolFile() : a)),
    ]);
    expect(check.stdout.split("\n")[0]).toBe(`${poolFile()} (hybrid mode): no problems found`);

    const apply = await pooldeck(APPLY);
    expect(apply.stderr).toBe("");
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain(
      `updated pool ${pool}; set concurrency_limit of pool ${pool}; saved job_variables of ${flowName}/nightly (read back and confirmed; recorded as ci-bot via the CLI)\n`,
    );
    const stored = await readWorkPool(client, pool);
    expect(stored.base_job_template).toEqual(template);
    expect(stored.concurrency_limit).toBe(3);
    expect(managedSource(stored.description)).toBe(SOURCE);
    expect((await readDeployment(client, deploymentId)).job_variables).toEqual({
      cpu: 2048,
      memory: 4096,
    });
    // the files now record what Prefect stores, so the next edit starts from there
    expect(((await readJsonFile(poolFile()))["x-pooldeck"] as JsonObject).updated).toBe(
      stored.updated,
    );

    const store = await openAuditStore(parseConfig(process.env).audit);
    try {
      const entries = await store.listForPool(apiUrl, pool);
      expect(entries.map((e) => [e.kind, e.source, e.operator.displayName, e.outcome])).toEqual([
        ["deployment.job_variables", "cli", "ci-bot", "succeeded"],
        ["pool.concurrency", "cli", "ci-bot", "succeeded"],
        ["pool.update", "cli", "ci-bot", "succeeded"],
      ]);
      expect(entries[2]!.after.description).toBe(`Nightly ETL\n\nx-pooldeck-managed: ${SOURCE}`);
    } finally {
      await store.close();
    }

    // the same command as CI runs it: the real binary
    const binary = await promisify(execFile)(process.execPath, [
      join(import.meta.dirname, "bin.mjs"),
      ...DIFF.split(" ")
        .slice(1)
        .map((a) => (a === "pools" ? dir : a)),
    ]);
    expect(binary.stdout).toBe(
      `pool ${pool}: no change\ndeployment ${flowName}/nightly: no change\n`,
    );
  });

  it("refuses a template with errors unless --allow-errors, sending nothing", async () => {
    const before = await readWorkPool(client, pool);
    const original = await readFile(poolFile(), "utf8");
    const doc = JSON.parse(original) as JsonObject;
    const template = doc.base_job_template as { variables: { properties: { cpu: JsonObject } } };
    // 2048 CPU units with the template's 2048 MiB is a pair Fargate refuses
    template.variables.properties.cpu.default = 2048;
    await writeFile(poolFile(), JSON.stringify(doc));
    const apply = await pooldeck(APPLY);
    expect([apply.code, apply.stderr]).toEqual([
      1,
      `pooldeck apply: pool ${pool}: the template has 1 error; nothing was sent (fix them, or pass --allow-errors)\n`,
    ]);
    expect(apply.stdout).toContain(
      "  + error ecs/fargate-cpu-memory at /variables/properties/memory",
    );
    expect(await readWorkPool(client, pool)).toEqual(before);
    await writeFile(poolFile(), original);
  });

  it("refuses a pool changed in Prefect since the export, sending nothing", async () => {
    await client.api.PATCH("/work_pools/{name}", {
      params: { path: { name: pool } },
      body: { is_paused: true },
    });
    const before = await readWorkPool(client, pool);
    const doc = await readJsonFile(poolFile());
    await writeFile(poolFile(), JSON.stringify({ ...doc, concurrency_limit: 4 }));
    const line = `Pool ${pool} changed in Prefect since its file was exported (updated ${(doc["x-pooldeck"] as JsonObject).updated}, now ${before.updated}): export it again and carry the edit over; nothing was sent\n`;
    const diff = await pooldeck(DIFF);
    expect([diff.code, diff.stderr]).toEqual([2, `pooldeck diff: ${line}`]);
    const apply = await pooldeck(APPLY);
    expect([apply.code, apply.stderr]).toEqual([2, `pooldeck apply: ${line}`]);
    expect(await readWorkPool(client, pool)).toEqual(before);
    await writeFile(poolFile(), JSON.stringify(doc));
  });

  it("creates a pool that does not exist only with --create", async () => {
    const single = await mkdtemp(join(tmpdir(), "pooldeck-pac-create-"));
    const doc = await readJsonFile(poolFile());
    const file = join(single, `${created}.pool.json`);
    const { ["x-pooldeck"]: _recorded, ...rest } = doc;
    await writeFile(file, JSON.stringify({ ...rest, name: created, is_paused: false }));
    const line = `pooldeck diff: ${file}: no work pool ${JSON.stringify(created)} in Prefect at ${apiUrl} (pass --create to create it)\n`;
    const without = await pooldeck("pooldeck diff pools", { dir: single });
    expect([without.code, without.stderr]).toEqual([2, line]);
    const applyWithout = await pooldeck("pooldeck apply pools --yes", { dir: single });
    expect(applyWithout.code).toBe(2);
    await expect(readWorkPool(client, created)).rejects.toMatchObject({ kind: "not-found" });

    const diff = await pooldeck(DIFF, { dir: single });
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain(
      `pool ${created}: does not exist in Prefect; apply --create would create it\n`,
    );
    const apply = await pooldeck(APPLY, { dir: single });
    expect([apply.code, apply.stderr]).toEqual([0, ""]);
    expect(apply.stdout).toContain(
      `created pool ${created}; updated pool ${created}; set concurrency_limit of pool ${created}`,
    );
    const stored = await readWorkPool(client, created);
    expect(stored.base_job_template).toEqual(doc.base_job_template);
    expect(stored.concurrency_limit).toBe(3);
    expect(managedSource(stored.description)).toBe(SOURCE);
    expect((await pooldeck(DIFF, { dir: single })).code).toBe(0);
    await rm(single, { recursive: true, force: true });
  });

  it("unusable input: one line, exit 2, nothing sent", async () => {
    const bad = await mkdtemp(join(tmpdir(), "pooldeck-pac-bad-"));
    const before = await readWorkPool(client, pool);
    const neither = join(bad, "neither.json");
    await writeFile(neither, JSON.stringify({ image: "prefecthq/prefect:3" }));
    const bare = join(bad, "bare.json");
    await writeFile(bare, JSON.stringify(before.base_job_template));
    const twice = join(bad, "twice");
    await mkdir(twice);
    const doc = await readFile(poolFile(), "utf8");
    await writeFile(join(twice, "a.pool.json"), doc);
    await writeFile(join(twice, "b.pool.json"), doc);
    const unreachable = {
      prefect: createPrefectClient(
        { apiUrl: `http://127.0.0.1:${await freePort()}/api`, cloud: null },
        { retry: { maxAttempts: 1 } },
      ),
      readCluster: clients.readCluster,
    };
    const cases: [string, string | undefined, PoolsClients | undefined, string][] = [
      [
        "pooldeck apply pools --yes",
        neither,
        undefined,
        `${neither} is neither a work pool nor a base job template (no base_job_template, job_configuration or variables)`,
      ],
      [
        "pooldeck apply pools --yes",
        bare,
        undefined,
        `${bare} is a bare base job template; diff and apply need a pool file that names its pool (write one with pooldeck export --pool <name>)`,
      ],
      [
        "pooldeck apply pools --yes",
        twice,
        undefined,
        `two files for pool ${pool} in ${twice}: ${join(twice, "a.pool.json")} and ${join(twice, "b.pool.json")}`,
      ],
      [
        "pooldeck apply pools --yes",
        dir,
        unreachable,
        `Prefect is not reachable at ${unreachable.prefect.apiUrl} (connection refused)`,
      ],
    ];
    for (const [command, target, prefect, reason] of cases) {
      const out = await pooldeck(command, { dir: target!, ...(prefect ? { prefect } : {}) });
      expect([out.code, out.stderr]).toEqual([2, `pooldeck apply: ${reason}\n`]);
    }
    expect(await readWorkPool(client, pool)).toEqual(before);
    await rm(bad, { recursive: true, force: true });
  });
});
