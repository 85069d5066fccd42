import "server-only";

import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "libsql";
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

/** The file name of the embedded audit database inside the data directory. */
export const SQLITE_FILE = "pooldeck-audit.sqlite";

function migrate(db: Database.Database, path: string): void {
  db.exec(MIGRATIONS_TABLE);
  // IMMEDIATE takes the write lock first: two processes starting together migrate one after the other
  db.transaction(() => {
    const row = db.prepare("SELECT MAX(version) AS v FROM pooldeck_migrations").get() as {
      v: number | null;
    };
    for (const m of pendingMigrations(row.v ?? 0, path)) {
      db.exec(m.sqlite);
      db.prepare(
        "INSERT INTO pooldeck_migrations (version, name, applied_at) VALUES (?, ?, ?)",
      ).run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}

// this process's own mark on the locks it holds: a restarted process may get the same pid (pid 1
// in a container), and must not mistake its predecessor's lock for its own
const PROCESS_TOKEN = randomUUID();
const LOCK_POLL_MS = 20;

/** Whether a process with this pid runs on this machine (the SQLite file is local to it). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Opens (creating and migrating) the embedded SQLite audit database at `path`. */
export function openSqliteAuditStore(path: string): AuditStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    // several Next.js workers may write at once; wait for the lock instead of failing
    db.pragma("busy_timeout = 5000");
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  const insert = db.prepare(
    `INSERT INTO pooldeck_audit_entries (${INSERT_COLUMNS}) VALUES (${INSERT_COLUMNS.split(",")
      .map(() => "?")
      .join(", ")})`,
  );
  const complete = db.prepare(
    `UPDATE pooldeck_audit_entries
        SET outcome = ?, completed_at = ?, after_json = COALESCE(?, after_json), error = ?
      WHERE id = ? AND outcome = 'pending'`,
  );
  const byPool = db.prepare(
    `SELECT * FROM pooldeck_audit_entries
      WHERE prefect_server = ? AND pool_name = ? AND id < ?
      ORDER BY id DESC LIMIT ?`,
  );
  const byId = db.prepare("SELECT * FROM pooldeck_audit_entries WHERE id = ?");
  const version = db.prepare("SELECT MAX(version) AS v FROM pooldeck_migrations");
  const takeLock = db.prepare(
    `INSERT INTO pooldeck_push_locks (key, token, holder_pid, acquired_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const lockHolder = db.prepare("SELECT token, holder_pid FROM pooldeck_push_locks WHERE key = ?");
  const dropLock = db.prepare("DELETE FROM pooldeck_push_locks WHERE key = ? AND token = ?");
  // a row whose holder is gone: another process that died, or this pid's previous life
  const stale = (holder: { token: string; holder_pid: number }) =>
    holder.holder_pid === process.pid
      ? !holder.token.startsWith(PROCESS_TOKEN)
      : !processAlive(holder.holder_pid);
  // a write statement takes the write lock even when it matches no row: fails on a read-only file
  const probe = db.prepare("DELETE FROM pooldeck_audit_entries WHERE id < 0");

  return {
    backend: "sqlite",
    location: path,
    async begin(entry: NewAuditEntry) {
      return Number(insert.run(...rowValues(entry)).lastInsertRowid);
    },
    async complete(id: number, c: AuditCompletion) {
      const info = complete.run(
        c.outcome,
        c.completedAt,
        c.after === null ? null : JSON.stringify(c.after),
        c.error,
        id,
      );
      if (info.changes !== 1) throw new Error(`audit entry ${id} is not pending`);
    },
    async listForPool(server, pool, options = {}) {
      const limit = Math.min(options.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const rows = byPool.all(
        server,
        pool,
        options.beforeId ?? Number.MAX_SAFE_INTEGER,
        limit,
      ) as AuditRow[];
      return rows.map(entryFromRow);
    },
    async get(id: number) {
      const row = byId.get(id) as AuditRow | undefined;
      return row ? entryFromRow(row) : null;
    },
    async withLock(key, timeoutMs, fn) {
      // one row per held lock; inserting it is atomic under SQLite's write lock, so one process
      // (and one request within it) holds the key at a time
      const token = `${PROCESS_TOKEN} ${randomUUID()}`;
      const started = Date.now();
      for (;;) {
        if (takeLock.run(key, token, process.pid, new Date().toISOString()).changes === 1) break;
        const holder = lockHolder.get(key) as { token: string; holder_pid: number } | undefined;
        if (holder && stale(holder)) {
          dropLock.run(key, holder.token);
          continue;
        }
        const waited = Date.now() - started;
        if (waited >= timeoutMs) throw new LockBusyError(key, waited);
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
      try {
        return await fn();
      } finally {
        dropLock.run(key, token);
      }
    },
    async checkWritable() {
      probe.run();
    },
    async schemaVersion() {
      return (version.get() as { v: number | null }).v ?? 0;
    },
    async close() {
      db.close();
    },
  };
}
