/** Pure formatting of audit entries for the history view (server and browser alike). */
import type { AuditEntry, AuditKind } from "@/lib/audit/types";
import type { JsonObject, JsonValue } from "@/lib/template/types";

const KIND_LABELS: Record<AuditKind, string> = {
  "pool.update": "Template updated",
  "pool.create": "Pool created",
  "pool.pause": "Paused",
  "pool.resume": "Resumed",
  "pool.concurrency": "Concurrency limit",
  "deployment.job_variables": "Job variables",
};

/** The row title of an entry: its kind in words, and the deployment it concerns. */
export function kindLabel(entry: Pick<AuditEntry, "kind" | "deployment">): string {
  const label = KIND_LABELS[entry.kind];
  return entry.deployment ? `${label} of deployment ${entry.deployment.name}` : label;
}

/** "2026-11-27 21:04:05 UTC" from an ISO time: the same text on the server and in any browser. */
export function utcTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const short = (v: JsonValue | undefined) => (v === undefined ? "(unset)" : JSON.stringify(v));

/** One line per changed field that is not a whole document, e.g. `concurrency_limit: null → 5`. */
export function fieldSummary(entry: Pick<AuditEntry, "before" | "after">): string[] {
  const keys = Object.keys(entry.after).filter(
    (k) => k !== "base_job_template" && k !== "job_variables",
  );
  return keys.map((k) => `${k}: ${short(entry.before?.[k])} → ${short(entry.after[k])}`);
}

/** The document a diff shows for one side: the template, the job variables, or the fields. */
export function diffText(side: JsonObject | null): string {
  if (side === null) return "";
  const doc = side.base_job_template ?? side.job_variables ?? side;
  return JSON.stringify(doc, null, 2);
}

/** The base job template an entry's side holds, if any (what "restore" can load). */
export function templateOf(side: JsonObject | null): JsonObject | null {
  const t = side?.base_job_template;
  return t && typeof t === "object" && !Array.isArray(t) ? t : null;
}
