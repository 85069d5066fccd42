import { readFileSync } from "node:fs";

/** docs/iam-policy.json as text: the least-privilege policy the dashboard needs. */
export function dashboardPolicy(): string {
  return readFileSync(new URL("../docs/iam-policy.json", import.meta.url), "utf8");
}

/**
 * The dashboard's policy without some actions (from whichever statement holds them), as text; a
 * statement left without actions is dropped (IAM refuses an empty one).
 */
export function dashboardPolicyWithout(...actions: string[]): string {
  const policy = JSON.parse(dashboardPolicy()) as { Statement: { Action: string[] }[] };
  policy.Statement = policy.Statement.map((statement) => ({
    ...statement,
    Action: statement.Action.filter((a) => !actions.includes(a)),
  })).filter((statement) => statement.Action.length > 0);
  return JSON.stringify(policy);
}
