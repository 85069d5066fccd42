import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

const bin = fileURLToPath(new URL("./bin.mjs", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const defaultTemplate = fileURLToPath(
  new URL("../lib/template/fixtures/prefect-ecs-default.json", import.meta.url),
);

// every test starts real node processes (tsx compiles the CLI on a cold start)
vi.setConfig({ testTimeout: 90_000 });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `pooldeck` command from the fixtures directory. */
function pooldeck(...args: string[]): Promise<Run> {
  return pooldeckWith({}, ...args);
}

function pooldeckWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: fixtures,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

interface JsonOutput {
  diagnostics: { rule: string; severity: string; path: string; message: string }[];
  runTaskRequest: Record<string, unknown>;
  taskDefinition: Record<string, unknown>;
}

describe("pooldeck check", () => {
  it("exits 0 for Prefect's default template and says nothing is wrong", async () => {
    const run = await pooldeck("check", defaultTemplate);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("prefect-ecs-default.json (hybrid mode): no problems found\n");
    expect(run.stdout).toContain(
      "  ecs/provider-not-in-cluster, ecs/provider-inactive, ecs/no-capacity, ecs/task-too-large, ecs/burst-exceeds-capacity: needs a cluster snapshot (pass --snapshot or pick a cluster)\n",
    );
    expect(run.stderr).toBe("");
  });

  it("exits 1 and groups errors and warnings with paths and fixes", async () => {
    const run = await pooldeck("check", "asg-strategy-template.json");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "asg-strategy-template.json (hybrid mode): 1 error, 2 warnings\n\nErrors:\n",
    );
    expect(run.stdout).toContain(
      "  error ecs/network-configuration\n    at /variables/properties/network_configuration\n",
    );
    expect(run.stdout).toContain(
      "\nWarnings:\n  warning ecs/launch-type-and-capacity-provider-strategy\n    at /variables/properties/launch_type/default\n",
    );
    expect(run.stdout).toContain("    fix: Set launch_type to EC2\n");
  });

  it("defaults to push mode for an ecs:push work pool and prints JSON", async () => {
    const run = await pooldeck("check", "push-pool.json", "--format", "json");
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(out.diagnostics.map(({ rule, severity, path }) => ({ rule, severity, path }))).toEqual([
      {
        rule: "ecs/launch-type-and-capacity-provider-strategy",
        severity: "error",
        path: "/base_job_template/variables/properties/launch_type/default",
      },
      {
        rule: "ecs/launch-type-and-capacity-provider-strategy",
        severity: "warning",
        path: "/base_job_template/variables/properties/capacity_provider_strategy/default",
      },
      {
        rule: "ecs/task-definition-churn",
        severity: "warning",
        path: "/base_job_template/variables/properties/match_latest_revision_in_family/default",
      },
    ]);
    expect(out.diagnostics[1]?.message).toContain("Prefect issue #13030");
    expect(out.diagnostics[2]?.message).toContain(
      "a push pool has no long-lived worker and match_latest_revision_in_family is off",
    );
    expect(out.runTaskRequest.launchType).toBe("FARGATE");
    expect(out.runTaskRequest.capacityProviderStrategy).toEqual([
      { capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 },
    ]);
  });

  it("lets --mode override the pool type", async () => {
    const run = await pooldeck("check", "push-pool.json", "--mode", "hybrid", "--format", "json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(out.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ["ecs/launch-type-and-capacity-provider-strategy", "warning"],
    ]);
    expect(out.runTaskRequest.launchType).toBeUndefined();
  });

  it("checks a deployment's job variables and names their document", async () => {
    const run = await pooldeck("check", defaultTemplate, "--job-variables", "job-variables.json");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("  error ecs/fargate-cpu-memory\n    at job_variables /memory\n");
    expect(run.stdout).toContain("    fix: Set memory to 2048\n");
    expect(run.stdout).toContain(
      "  warning prefect/job-variable-unknown\n    at job_variables /imgae\n",
    );
  });

  it("runs cluster-aware rules with --snapshot", async () => {
    const run = await pooldeck(
      "check",
      "ec2-strategy-template.json",
      "--snapshot",
      "snapshot.json",
      "--concurrency",
      "4",
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  error ecs/provider-not-in-cluster\n    at /variables/properties/capacity_provider_strategy/default/0/capacityProvider\n    Capacity provider "asg-old" is not associated with cluster "demo"',
    );
    // with a snapshot and --concurrency every cluster-aware rule runs
    expect(run.stdout).not.toContain("Skipped:");
  });

  it("exits 2 with a one-line reason for unusable input", async () => {
    const cases: [string[], string][] = [
      [["check", "missing.json"], "pooldeck: template missing.json does not exist\n"],
      [
        ["check", "invalid-json.txt"],
        "pooldeck: template invalid-json.txt is not valid JSON: expected '}' at line 4, column 1\n",
      ],
      [
        ["check", "not-a-template.json"],
        "pooldeck: not-a-template.json is not a base job template: it has neither job_configuration nor variables (nor base_job_template)\n",
      ],
      [
        ["check", defaultTemplate, "--mode", "cloud"],
        'pooldeck: --mode must be hybrid, push or raw, not "cloud"\n',
      ],
      [
        ["check", defaultTemplate, "--format", "xml"],
        'pooldeck: --format must be text or json, not "xml"\n',
      ],
      [
        ["check", defaultTemplate, "--snapshot", "job-variables.json"],
        "pooldeck: snapshot job-variables.json is not a cluster snapshot (from `pooldeck snapshot`): /fetchedAt: Invalid input: expected string, received undefined\n",
      ],
      [["check"], "pooldeck: missing <file>: the base job template or work pool JSON to check\n"],
      [["frobnicate"], 'pooldeck: unknown command "frobnicate" (try pooldeck --help)\n'],
    ];
    const runs: Run[] = [];
    for (const [args] of cases) runs.push(await pooldeck(...args));
    runs.forEach((run, i) => {
      expect([cases[i]?.[0], run.code, run.stderr, run.stdout]).toEqual([
        cases[i]?.[0],
        2,
        cases[i]?.[1],
        "",
      ]);
    });
  });
});

describe("pooldeck render and help", () => {
  it("prints the RunTask request and the task definition the worker registers", async () => {
    const run = await pooldeck("render", defaultTemplate);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(Object.keys(out)).toEqual(["runTaskRequest", "taskDefinition"]);
    expect(out.runTaskRequest.launchType).toBe("FARGATE");
    expect(out.taskDefinition.requiresCompatibilities).toEqual(["FARGATE"]);
    expect(out.taskDefinition.networkMode).toBe("awsvpc");
  });

  it("prints help and exits 0", async () => {
    const run = await pooldeck("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "  pooldeck check <file> [--job-variables <file>] [--snapshot <file>] [--mode hybrid|push|raw] [--concurrency <n>] [--format text|json]\n",
    );
    expect(run.stdout).toContain(
      "  pooldeck snapshot --cluster <name> [--region <region>] [--family <name>]...\n",
    );
  });

  it("runs: exits 2 with the reason for bad input or a Prefect that does not answer", async () => {
    const help = await pooldeck("--help");
    expect(help.stdout).toContain(
      "  pooldeck runs --pool <name> [--limit N] [--format text|json]\n",
    );
    const missing = await pooldeck("runs");
    expect([missing.code, missing.stderr]).toEqual([2, "pooldeck runs: missing --pool <name>\n"]);
    const down = await pooldeckWith(
      { PREFECT_API_URL: "http://127.0.0.1:9/api" },
      "runs",
      "--pool",
      "demo-ecs",
      "--format",
      "json",
    );
    expect(down.code).toBe(2);
    expect(down.stdout).toBe("");
    expect(down.stderr).toMatch(
      /^pooldeck runs: Prefect is not reachable at http:\/\/127\.0\.0\.1:9\/api \([a-z ]+\)\n$/,
    );
  });

  it("explains a snapshot without --cluster", async () => {
    const run = await pooldeck("snapshot");
    expect([run.code, run.stderr]).toEqual([2, "pooldeck snapshot: missing --cluster <name>\n"]);
  });

  it("reads the cluster through lib/ecs and reports an unreachable endpoint in one line", async () => {
    const run = await pooldeckWith(
      {
        // a closed local port: the real SDK client fails fast, no AWS account involved
        AWS_ENDPOINT_URL_ECS: "http://127.0.0.1:9",
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
      },
      "snapshot",
      "--cluster",
      "demo",
      "--region",
      "us-east-1",
    );
    expect([run.code, run.stdout, run.stderr]).toEqual([
      1,
      "",
      "pooldeck snapshot: cannot read cluster demo in us-east-1: The ECS endpoint did not answer (ECONNREFUSED).\n",
    ]);
  });
});
