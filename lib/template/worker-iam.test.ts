import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ECS_WORKER_AWS_CALLS, ECS_WORKER_IAM_ACTIONS } from "./worker-iam";

const root = join(import.meta.dirname, "..", "..");
const POLICIES = ["docs/iam-ecs-worker-hybrid.json", "docs/iam-ecs-push-credentials.json"];

/** prefect_aws/workers/ecs_worker.py from the project's .venv (scripts/setup.sh installs it). */
function workerSource(): string {
  const lib = join(root, ".venv", "lib");
  const python = readdirSync(lib).find((d) => d.startsWith("python3"));
  if (!python) throw new Error(".venv has no python3.x: run scripts/setup.sh");
  return readFileSync(
    join(lib, python, "site-packages", "prefect_aws", "workers", "ecs_worker.py"),
    "utf8",
  );
}

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

function actionsOf(path: string): string[] {
  const policy = JSON.parse(readFileSync(join(root, path), "utf8")) as {
    Version: string;
    Statement: Statement[];
  };
  expect(policy.Version).toBe("2012-10-17");
  for (const s of policy.Statement) {
    expect(s.Effect).toBe("Allow");
    expect(s.Resource).toBe("*");
  }
  return policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
}

describe("IAM policies for the ECS worker", () => {
  it.each(POLICIES)("%s is a valid policy allowing exactly the worker's actions", (path) => {
    expect(actionsOf(path)).toEqual([...ECS_WORKER_IAM_ACTIONS]);
  });

  it("the action list names every AWS call in ecs_worker.py, and only calls it makes", () => {
    const source = workerSource();
    const calls = new Set(
      [...source.matchAll(/\b(ecs|ec2|logs|iam|sts)_client\.([a-z_]+)\(/g)].map(
        (m) => `${m[1]}_client.${m[2]}`,
      ),
    );
    const listed = ECS_WORKER_AWS_CALLS.flatMap((c) => (c.call ? [c.call] : []));
    expect([...calls].sort()).toEqual([...listed].sort());
    // each call's IAM action is its boto3 name in PascalCase
    for (const c of ECS_WORKER_AWS_CALLS) {
      if (!c.call) continue;
      const [client, method] = c.call.split(".") as [string, string];
      const pascal = method.replace(/(^|_)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
      expect(c.action).toBe(`${client.replace("_client", "")}:${pascal}`);
    }
  });

  it("the worker gets its clients only through aws_credentials.get_client (so push needs the same actions)", () => {
    const source = workerSource();
    const clients = [...source.matchAll(/get_client[,(]\s*"(\w+)"/g)].map((m) => m[1]);
    expect(new Set(clients)).toEqual(new Set(["ecs", "ec2"]));
    expect(source).not.toMatch(/boto3\.client\(|Session\(\)\.client\(/);
  });
});
