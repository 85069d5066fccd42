import "server-only";

import { AUDIT_KINDS, AUDIT_OUTCOMES, AUDIT_SOURCES } from "./types";

/**
 * The audit database's schema, as numbered migrations applied in order on first use and recorded
 * in `pooldeck_migrations`. Never edit a released migration: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const kinds = AUDIT_KINDS.map((k) => `'${k}'`).join(", ");
const outcomes = AUDIT_OUTCOMES.map((o) => `'${o}'`).join(", ");
const sources = AUDIT_SOURCES.map((s) => `'${s}'`).join(", ");

// JSON is kept as text in both databases: jsonb would reorder keys, and the history shows
// templates exactly as Prefect returned them
const columns = (id: string, time: string) => `
  id ${id},
  at ${time} NOT NULL,
  completed_at ${time},
  operator_id TEXT NOT NULL,
  operator_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${kinds})),
  prefect_server TEXT NOT NULL,
  pool_name TEXT NOT NULL,
  deployment_id TEXT,
  deployment_name TEXT,
  before_json TEXT,
  after_json TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN (${outcomes})),
  error TEXT`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "audit entries",
    sqlite: `
      CREATE TABLE pooldeck_audit_entries (${columns("INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT")});
      CREATE INDEX pooldeck_audit_by_pool ON pooldeck_audit_entries (prefect_server, pool_name, id DESC);`,
    postgres: `
      CREATE TABLE pooldeck_audit_entries (${columns("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "TIMESTAMPTZ")});
      CREATE INDEX pooldeck_audit_by_pool ON pooldeck_audit_entries (prefect_server, pool_name, id DESC);`,
  },
  {
    version: 2,
    name: "audit entry source",
    // entries written before the CLI could apply changes all came from the dashboard
    sqlite: `ALTER TABLE pooldeck_audit_entries ADD COLUMN source TEXT NOT NULL DEFAULT 'dashboard' CHECK (source IN (${sources}));`,
    postgres: `ALTER TABLE pooldeck_audit_entries ADD COLUMN source TEXT NOT NULL DEFAULT 'dashboard' CHECK (source IN (${sources}));`,
  },
  {
    version: 3,
    name: "push locks",
    // PostgreSQL locks with advisory locks, which need no table; SQLite keeps one row per held
    // lock, naming the process that holds it so a lock left by a dead process can be taken over
    sqlite: `
      CREATE TABLE pooldeck_push_locks (
        key TEXT PRIMARY KEY,
        token TEXT NOT NULL,
        holder_pid INTEGER NOT NULL,
        acquired_at TEXT NOT NULL
      );`,
    postgres: "SELECT 1",
  },
];

/** The newest schema version this build knows. */
export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** The migrations a database at `current` still needs; refuses a database newer than this build. */
export function pendingMigrations(current: number, where: string): readonly Migration[] {
  if (current > LATEST_VERSION) {
    throw new Error(
      `The audit database at ${where} has schema version ${current}, newer than this Pooldeck knows (${LATEST_VERSION}). Run the newer Pooldeck, or point this one at another database.`,
    );
  }
  return MIGRATIONS.filter((m) => m.version > current);
}

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS pooldeck_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
