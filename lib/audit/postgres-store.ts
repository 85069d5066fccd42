import "server-only";

import pg from "pg";
import { MIGRATIONS_TABLE, pendingMigrations } from "./migrations";
import {
  DEFAULT_LIMIT,
  entryFromRow,
  INSERT_COLUMNS,
  MAX_LIMIT,
  rowValues,
  LockBusyError,
  type AuditRow,
  type AuditStore,
} from "./store";
import type { AuditCompletion, NewAuditEntry } from "./types";

// any fixed number: every Pooldeck instance takes the same lock to migrate one at a time
const MIGRATION_LOCK = 0x706f6f6c;

/** host:port/database of a PostgreSQL URL, without user or password (for messages). */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

async function migrate(pool: pg.Pool, where: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT MAX(version) AS v FROM pooldeck_migrations",
    );
    for (const m of pendingMigrations(rows[0]?.v ?? 0, where)) {
      await client.query(m.postgres);
      await client.query(
        "INSERT INTO pooldeck_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        [m.version, m.name, new Date().toISOString()],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Connects to PostgreSQL at `url`, creates or migrates the audit schema, and returns the store. */
export async function openPostgresAuditStore(url: string): Promise<AuditStore> {
  const location = describeDatabaseUrl(url);
  // deadlines: 5 s to connect, 10 s per query (a hung database fails the push, it does not hang it)
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 5000,
    query_timeout: 10_000,
  });
  // an idle connection dropped by the server must not crash the process; the next query reconnects
  pool.on("error", (error) => console.error(`audit database ${location}:`, error.message));
  try {
    await migrate(pool, location);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const placeholders = INSERT_COLUMNS.split(",")
    .map((_, i) => `$${i + 1}`)
    .join(", ");

  return {
    backend: "postgres",
    location,
    async begin(entry: NewAuditEntry) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO pooldeck_audit_entries (${INSERT_COLUMNS}) VALUES (${placeholders}) RETURNING id`,
        rowValues(entry),
      );
      return Number(rows[0]!.id);
    },
    async complete(id: number, c: AuditCompletion) {
      const result = await pool.query(
        `UPDATE pooldeck_audit_entries
            SET outcome = $1, completed_at = $2, after_json = COALESCE($3, after_json), error = $4
          WHERE id = $5 AND outcome = 'pending'`,
        [c.outcome, c.completedAt, c.after === null ? null : JSON.stringify(c.after), c.error, id],
      );
      if (result.rowCount !== 1) throw new Error(`audit entry ${id} is not pending`);
    },
    async listForPool(server, poolName, options = {}) {
      const limit = Math.min(options.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const { rows } = await pool.query<AuditRow>(
        `SELECT * FROM pooldeck_audit_entries
          WHERE prefect_server = $1 AND pool_name = $2 AND ($3::bigint IS NULL OR id < $3)
          ORDER BY id DESC LIMIT $4`,
        [server, poolName, options.beforeId ?? null, limit],
      );
      return rows.map(entryFromRow);
    },
    async get(id: number) {
      const { rows } = await pool.query<AuditRow>(
        "SELECT * FROM pooldeck_audit_entries WHERE id = $1",
        [id],
      );
      return rows[0] ? entryFromRow(rows[0]) : null;
    },
    async withLock(key, timeoutMs, fn) {
      // a session of its own, outside the pool: the advisory lock belongs to the session, which
      // holds it while fn's queries use the pool, and a holder that dies releases it with its session
      const session = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 5000,
        query_timeout: timeoutMs + 10_000,
      });
      session.on("error", (error) => console.error(`audit database ${location}:`, error.message));
      await session.connect();
      try {
        const started = Date.now();
        try {
          // lock_timeout bounds the wait for an advisory lock too (0 would mean forever)
          await session.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
          await session.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
        } catch (error) {
          if ((error as { code?: string }).code === "55P03") {
            throw new LockBusyError(key, Date.now() - started);
          }
          throw error;
        }
        return await fn();
      } finally {
        // ending the session releases its advisory locks
        await session.end().catch(() => undefined);
      }
    },
    async checkWritable() {
      // a write that matches no row: refused on a read-only replica or without DELETE permission
      await pool.query("DELETE FROM pooldeck_audit_entries WHERE id < 0");
    },
    async schemaVersion() {
      const { rows } = await pool.query<{ v: number | null }>(
        "SELECT MAX(version) AS v FROM pooldeck_migrations",
      );
      return rows[0]?.v ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}
