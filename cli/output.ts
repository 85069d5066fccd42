/** How `pooldeck check` and `pooldeck render` print results. */
import type { CheckResult, Diagnostic } from "@/lib/checks";
import type { EcsRunPlan } from "@/lib/template";
import type { JsonValue, Mode } from "@/lib/template/types";
import { tally } from "@/lib/checks/tally";

/** The task definition as printed: the one the worker registers, or the existing one it names. */
export function printableTaskDefinition(plan: EcsRunPlan | undefined): JsonValue {
  if (!plan) return null;
  const td = plan.taskDefinition;
  if (td.source === "registered") return td.definition;
  return { taskDefinitionArn: td.arn, ...(td.definition ? { described: td.definition } : {}) };
}

/** The JSON document of `pooldeck check --format json`. */
export function checkJson(result: CheckResult): string {
  const body = {
    diagnostics: result.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      path: d.path,
      message: d.message,
      document: d.document,
      ...(d.fix ? { fix: d.fix } : {}),
      ...(d.alternativeFixes ? { alternativeFixes: d.alternativeFixes } : {}),
    })),
    runTaskRequest: result.plan?.runTaskRequest ?? null,
    taskDefinition: printableTaskDefinition(result.plan),
    skipped: result.skipped,
  };
  return JSON.stringify(body, null, 2) + "\n";
}

function where(d: Diagnostic): string {
  const path = d.path === "" ? "(whole document)" : d.path;
  return d.document === "job_variables" ? `job_variables ${path}` : path;
}

/** Readable text, grouped by severity, every diagnostic with its path. */
export function checkText(result: CheckResult, file: string, mode: Mode): string {
  const lines: string[] = [];
  const groups = [
    { severity: "error", title: "Errors" },
    { severity: "warning", title: "Warnings" },
    { severity: "info", title: "Notes" },
  ] as const;
  const blocking = result.diagnostics.filter((d) => d.severity !== "info");
  lines.push(
    `${file} (${mode} mode): ${blocking.length === 0 ? "no problems found" : tally(blocking)}`,
  );
  for (const group of groups) {
    const items = result.diagnostics.filter((d) => d.severity === group.severity);
    if (items.length === 0) continue;
    lines.push("", `${group.title}:`);
    for (const d of items) {
      lines.push(`  ${d.severity} ${d.rule}`, `    at ${where(d)}`, `    ${d.message}`);
      if (d.fix) lines.push(`    fix: ${d.fix.title}`);
      for (const alternative of d.alternativeFixes ?? [])
        lines.push(`    or: ${alternative.title}`);
    }
  }
  if (result.skipped.length > 0) {
    lines.push("", "Skipped:");
    const byReason = new Map<string, string[]>();
    for (const s of result.skipped)
      byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.rule]);
    for (const [reason, rules] of byReason) lines.push(`  ${rules.join(", ")}: ${reason}`);
  }
  return lines.join("\n") + "\n";
}
