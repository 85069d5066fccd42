import "server-only";

import type { AuditCompletion, AuditEntry, NewAuditEntry } from "./types";

/** Where the audit history lives: one interface, an SQLite file or a PostgreSQL database behind it. */
export interface AuditStore {
  readonly backend: "sqlite" | "postgres";
  /** a description for messages: the file path, or host/database without credentials */
  readonly location: string;
  /** Stores a pending entry and returns its id. */
  begin(entry: NewAuditEntry): Promise<number>;
  /** Ends a pending entry with its outcome. */
  complete(id: number, completion: AuditCompletion): Promise<void>;
  /** The entries of one pool (its own changes and its deployments'), newest first. */
  listForPool(
    prefectServer: string,
    pool: string,
    options?: { limit?: number; beforeId?: number },
  ): Promise<AuditEntry[]>;
  /** One entry, or null. */
  get(id: number): Promise<AuditEntry | null>;
  /**
   * Runs `fn` holding the exclusive lock named `key`: one holder at a time across every process
   * that shares this database. Waits at most `timeoutMs` for it, then throws LockBusyError.
   * A holder that dies releases it (PostgreSQL: its session ends; SQLite: its process is gone).
   */
  withLock<T>(key: string, timeoutMs: number, fn: () => Promise<T>): Promise<T>;
  /** Resolves when the store takes writes (a write that changes nothing); rejects otherwise. */
  checkWritable(): Promise<void>;
  /** The schema version the database is at. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

/** The lock was held by someone else for the whole wait. */
export class LockBusyError extends Error {
  override name = "LockBusyError";
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super(`the lock ${key} stayed held for ${waitedMs} ms`);
  }
}

/** One row as both databases return it (timestamps already ISO strings). */
export interface AuditRow {
  id: number | string;
  at: string | Date;
  completed_at: string | Date | null;
  operator_id: string;
  operator_name: string;
  source: string;
  kind: string;
  prefect_server: string;
  pool_name: string;
  deployment_id: string | null;
  deployment_name: string | null;
  before_json: string | null;
  after_json: string;
  outcome: string;
  error: string | null;
}

const iso = (t: string | Date) => (t instanceof Date ? t.toISOString() : t);

/** Turns a database row into an AuditEntry. */
export function entryFromRow(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: iso(row.at),
    completedAt: row.completed_at === null ? null : iso(row.completed_at),
    operator: { id: row.operator_id, displayName: row.operator_name },
    source: row.source as AuditEntry["source"],
    kind: row.kind as AuditEntry["kind"],
    prefectServer: row.prefect_server,
    pool: row.pool_name,
    deployment:
      row.deployment_id === null
        ? null
        : { id: row.deployment_id, name: row.deployment_name ?? "" },
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as AuditEntry["before"]),
    after: JSON.parse(row.after_json) as AuditEntry["after"],
    outcome: row.outcome as AuditEntry["outcome"],
    error: row.error,
  };
}

/** The insert parameters of a new entry, in column order. */
export function rowValues(entry: NewAuditEntry): unknown[] {
  return [
    entry.at,
    entry.operator.id,
    entry.operator.displayName,
    entry.kind,
    entry.prefectServer,
    entry.pool,
    entry.deployment?.id ?? null,
    entry.deployment?.name ?? null,
    entry.before === null ? null : JSON.stringify(entry.before),
    JSON.stringify(entry.after),
    "pending",
    entry.source ?? "dashboard",
  ];
}

export const INSERT_COLUMNS =
  "at, operator_id, operator_name, kind, prefect_server, pool_name, deployment_id, deployment_name, before_json, after_json, outcome, source";

/** Page size of the history view and its upper bound. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
