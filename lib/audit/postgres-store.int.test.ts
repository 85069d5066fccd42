/**
 * The audit store contract against a real PostgreSQL: `bash scripts/postgres.sh start` (port
 * POOLDECK_PG_PORT, 5433 by default) or any server named by POOLDECK_TEST_DATABASE_URL. Each run
 * works in a database of its own, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDatabaseUrl, openPostgresAuditStore } from "./postgres-store";
import { describeAuditStore } from "@/testing/audit-store-contract";

const admin =
  process.env.POOLDECK_TEST_DATABASE_URL ??
  `postgres://pooldeck@127.0.0.1:${process.env.POOLDECK_PG_PORT ?? 5433}/pooldeck`;
const database = `pooldeck_audit_test_${randomBytes(4).toString("hex")}`;
const url = (() => {
  const u = new URL(admin);
  u.pathname = `/${database}`;
  return u.toString();
})();

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(() => onAdmin(`CREATE DATABASE ${database}`));
afterAll(() => onAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

describeAuditStore(
  "PostgreSQL",
  () => openPostgresAuditStore(url),
  async (sql) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  },
);

describe("PostgreSQL audit store", () => {
  it("names the database without credentials, and fails plainly when it is unreachable", async () => {
    expect(describeDatabaseUrl("postgres://pd:s3cret@db.internal:5432/pooldeck")).toBe(
      "postgres://db.internal:5432/pooldeck",
    );
    await expect(openPostgresAuditStore("postgres://pd@127.0.0.1:9/nowhere")).rejects.toThrow(
      "ECONNREFUSED",
    );
  });
});

describe("PostgreSQL push lock", () => {
  it("is an advisory lock of the holder's session: a session that dies releases it", async () => {
    const store = await openPostgresAuditStore(url);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", ["pool p-session"]);
    await expect(store.withLock("pool p-session", 100, async () => "never")).rejects.toThrow(
      "the lock pool p-session stayed held for",
    );
    const waiting = store.withLock("pool p-session", 5000, async () => "after the holder died");
    // the holder's connection breaks off (a killed instance) without unlocking
    const pid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!
      .pid;
    holder.on("error", () => undefined);
    await onAdmin(`SELECT pg_terminate_backend(${pid})`);
    expect(await waiting).toBe("after the holder died");
    await holder.end().catch(() => undefined);
    await store.close();
  });
});
