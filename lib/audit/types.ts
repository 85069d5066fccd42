/**
 * The audit history's records (pure types: the history view's client components import them).
 * `before` and `after` hold exactly the Prefect fields a push changed, keyed by Prefect's own
 * names: `base_job_template`, `type`, `is_paused`, `concurrency_limit` or `job_variables`.
 */
import type { JsonObject } from "@/lib/template/types";

export const AUDIT_KINDS = [
  "pool.update",
  "pool.create",
  "pool.pause",
  "pool.resume",
  "pool.concurrency",
  "deployment.job_variables",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * pending: recorded before the write, outcome not (yet) known — a crash leaves it so;
 * succeeded: Prefect accepted the write, `after` is what it stores now (read back);
 * failed: nothing changed — Prefect answered with an error, or Pooldeck refused before sending
 *   because the pool or deployment changed since the user loaded it (`before` is then Prefect's version);
 * unknown: the write broke off without Prefect's answer (network, timeout).
 */
export const AUDIT_OUTCOMES = ["pending", "succeeded", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Where a change was made: the dashboard, or the `pooldeck` CLI (apply). */
export const AUDIT_SOURCES = ["dashboard", "cli"] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** What a push path is about to change, described before it writes. */
export interface AuditChange {
  kind: AuditKind;
  /** the pool, or the pool a deployment runs on */
  pool: string;
  deployment?: { id: string; name: string };
  /** the changed fields as Prefect stored them before; null when the pool did not exist */
  before: JsonObject | null;
  /** the changed fields as they are being sent */
  after: JsonObject;
}

/** A new pending entry: the change plus who, when and where. */
export interface NewAuditEntry extends AuditChange {
  /** server time, ISO 8601 UTC */
  at: string;
  operator: { id: string; displayName: string };
  /** the Prefect API URL without credentials, query or fragment */
  prefectServer: string;
  /** where the change was made; absent: the dashboard */
  source?: AuditSource;
}

/** How a pending entry ends. */
export interface AuditCompletion {
  outcome: Exclude<AuditOutcome, "pending">;
  completedAt: string;
  /** what Prefect stores after the write (read back); null keeps the intended `after` */
  after: JsonObject | null;
  error: string | null;
}

/** One stored record of the audit history. */
export interface AuditEntry {
  id: number;
  at: string;
  completedAt: string | null;
  operator: { id: string; displayName: string };
  source: AuditSource;
  kind: AuditKind;
  prefectServer: string;
  pool: string;
  deployment: { id: string; name: string } | null;
  before: JsonObject | null;
  after: JsonObject;
  outcome: AuditOutcome;
  error: string | null;
}
