/**
 * The installable CLI: the package `npm run pack:cli` packs is installed with `npm install
 * --omit=dev` into an empty folder outside the repository (so nothing resolves from the repo's
 * node_modules), and its `pooldeck` runs there without tsx or TypeScript. Its output is compared
 * with exact text and, byte for byte, with the repository's own `cli/bin.mjs` (tsx), so bundling
 * changes nothing a user sees.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildCli } from "@/scripts/cli/build";

const run = promisify(execFile);
const repoBin = fileURLToPath(new URL("./bin.mjs", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const defaultTemplate = fileURLToPath(
  new URL("../lib/template/fixtures/prefect-ecs-default.json", import.meta.url),
);

let work: string;
let installed: string;
let packedFiles: string[];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a `pooldeck` (the installed one or the repository's) in the install folder. */
async function pooldeck(bin: string, ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: installed });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const installedBin = () => join(installed, "node_modules", ".bin", "pooldeck");

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "pooldeck-pack-"));
  const packageDir = await buildCli();
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work, packageDir]);
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed!.files.map((f) => f.path).sort();
  installed = join(work, "project");
  rmSync(installed, { recursive: true, force: true });
  cpSync(join(fixtures), join(installed, "fixtures"), { recursive: true });
  cpSync(defaultTemplate, join(installed, "fixtures", "prefect-ecs-default.json"));
  writeFileSync(join(installed, "package.json"), '{ "name": "ci-job", "private": true }\n');
  const install = (cacheMode: string) =>
    run(
      "npm",
      ["install", "--omit=dev", cacheMode, "--no-audit", "--no-fund", join(work, packed!.filename)],
      { cwd: installed },
    );
  // the npm cache holds the AWS SDK's tarballs; its package documents may have to be read once
  await install("--offline").catch(() => install("--prefer-offline"));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed pooldeck package", () => {
  it("holds the bundled JavaScript only, and installs without tsx or TypeScript", () => {
    expect(packedFiles.filter((f) => !/^chunks\/[\w-]+\.mjs$/.test(f))).toEqual([
      "package.json",
      "pooldeck.mjs",
    ]);
    const modules = readdirSync(join(installed, "node_modules"));
    expect(modules).toContain("pooldeck");
    expect(modules).toContain("@aws-sdk");
    expect(modules).not.toContain("tsx");
    expect(modules).not.toContain("typescript");
    expect(modules).not.toContain("next");
    expect(existsSync(installedBin())).toBe(true);
  });

  it("prints its help", async () => {
    const result = await pooldeck(installedBin(), "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pooldeck — check Prefect ECS work pool templates/);
    expect(result.stdout).toBe((await pooldeck(repoBin, "--help")).stdout);
  });

  it("checks Prefect's default template: no problems, exit 0", async () => {
    const result = await pooldeck(installedBin(), "check", "fixtures/prefect-ecs-default.json");
    expect(result).toEqual({
      code: 0,
      stdout:
        "fixtures/prefect-ecs-default.json (hybrid mode): no problems found\n" +
        "\n" +
        "Skipped:\n" +
        "  ecs/provider-not-in-cluster, ecs/provider-inactive, ecs/no-capacity, ecs/task-too-large, ecs/burst-exceeds-capacity: needs a cluster snapshot (pass --snapshot or pick a cluster)\n",
      stderr: "",
    });
  });

  it("checks a template with an error: exit 1, the same report as the repository's CLI", async () => {
    const args = ["check", "fixtures/asg-strategy-template.json"];
    const result = await pooldeck(installedBin(), ...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "fixtures/asg-strategy-template.json (hybrid mode): 1 error, 2 warnings\n\nErrors:\n  error ecs/network-configuration\n    at /variables/properties/network_configuration\n",
    );
    expect(result.stdout).toContain("    fix: Set launch_type to EC2\n");
    expect(result.stderr).toBe("");
    expect(result).toEqual(await pooldeck(repoBin, ...args));
  });

  it("renders the RunTask request with job variables, as the repository's CLI does", async () => {
    const args = [
      "render",
      "fixtures/ec2-strategy-template.json",
      "--job-variables",
      "fixtures/job-variables.json",
    ];
    const result = await pooldeck(installedBin(), ...args);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const body = JSON.parse(result.stdout) as {
      runTaskRequest: Record<string, unknown> & { overrides: { containerOverrides: object[] } };
      taskDefinition: Record<string, unknown>;
    };
    expect(body.runTaskRequest.capacityProviderStrategy).toEqual([
      { capacityProvider: "asg-old", weight: 1, base: 0 },
    ]);
    expect(body.runTaskRequest.taskDefinition).toBe("<registered task definition ARN>");
    expect(body.runTaskRequest.overrides.containerOverrides[0]).toMatchObject({
      cpu: 1024,
      memory: 1000,
      name: "prefect",
      command: ["prefect", "flow-run", "execute"],
    });
    expect(body.taskDefinition).toMatchObject({ cpu: "1024", memory: "1000" });
    expect(result).toEqual(await pooldeck(repoBin, ...args));
  });

  it("exports a pool from the real Prefect server and diffs it, as the repository's CLI does", async () => {
    const exported = await pooldeck(
      installedBin(),
      "export",
      "--pool",
      "demo-ecs",
      "--out",
      "pools",
    );
    expect([exported.code, exported.stderr]).toEqual([0, ""]);
    expect(readdirSync(join(installed, "pools"))).toEqual(["demo-ecs.pool.json"]);
    // a fresh export adds the managed-as-code marker to the description: one change until applied
    const diff = await pooldeck(installedBin(), "diff", "pools");
    expect([diff.code, diff.stderr]).toEqual([1, ""]);
    expect(diff.stdout).toContain("x-pooldeck-managed: pools/demo-ecs.pool.json");
    expect(diff).toEqual(await pooldeck(repoBin, "diff", "pools"));
  });

  it("refuses unusable input with one line and exit 2", async () => {
    const result = await pooldeck(installedBin(), "check", "fixtures/invalid-json.txt");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "pooldeck: template fixtures/invalid-json.txt is not valid JSON: expected '}' at line 4, column 1\n",
    );
    expect(result).toEqual(await pooldeck(repoBin, "check", "fixtures/invalid-json.txt"));
  });
});
