import { readFileSync } from "node:fs";

/** docs/iam-policy.json as text: the least-privilege policy the dashboard needs. */
export function dashboardPolicy(): string {
  return readFileSync(new URL("../docs/iam-policy.json", import.meta.url), "utf8");
}

/** The dashboard's policy without some actions (from whichever statement holds them), as text. */
export function dashboardPolicyWithout(...actions: string[]): string {
  const policy = JSON.parse(dashboardPolicy()) as { Statement: { Action: string[] }[] };
  for (const statement of policy.Statement) {
    statement.Action = statement.Action.filter((a) => !actions.includes(a));
  }
  return JSON.stringify(policy);
}
