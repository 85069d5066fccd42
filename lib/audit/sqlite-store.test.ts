import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { describe, expect, it } from "vitest";
import { openSqliteAuditStore } from "./sqlite-store";
import { describeAuditStore, poolUpdate } from "@/testing/audit-store-contract";

const dir = mkdtempSync(join(tmpdir(), "pooldeck-audit-"));
const file = join(dir, "nested", "audit.sqlite");

describeAuditStore(
  "SQLite",
  async () => openSqliteAuditStore(file),
  async (sql) => {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  },
);

describe("SQLite audit store", () => {
  it("refuses to open where it cannot write, naming the reason", () => {
    // a file where the data directory should be (permissions do not stop root, which runs CI)
    const blocker = join(dir, "not-a-dir");
    writeFileSync(blocker, "");
    expect(() => openSqliteAuditStore(join(blocker, "audit.sqlite"))).toThrow(
      `EEXIST: file already exists, mkdir '${blocker}'`,
    );
  });

  it("keeps JSON exactly as given (key order included)", async () => {
    const store = openSqliteAuditStore(join(dir, "order.sqlite"));
    const entry = poolUpdate("p-order", "2026-01-02T03:04:05.000Z", 1);
    const after = { base_job_template: { z: 1, a: { y: [3, 2, 1], b: null } } };
    const id = await store.begin({ ...entry, after });
    expect(JSON.stringify((await store.get(id))?.after)).toBe(JSON.stringify(after));
    await store.close();
  });
});

describe("SQLite push lock", () => {
  it("takes over a lock whose holder process is gone (it died mid-push)", async () => {
    const path = join(dir, "stale.sqlite");
    const store = openSqliteAuditStore(path);
    // the pid of a process that has exited
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const db = new Database(path);
    db.prepare(
      "INSERT INTO pooldeck_push_locks (key, token, holder_pid, acquired_at) VALUES (?, ?, ?, ?)",
    ).run("pool p-stale", "a dead process", dead, "2026-01-02T03:04:05.000Z");
    // a live holder (this process's previous life would be stale too; another live one is not)
    db.prepare(
      "INSERT INTO pooldeck_push_locks (key, token, holder_pid, acquired_at) VALUES (?, ?, ?, ?)",
    ).run("pool p-live", "a live process", process.ppid, "2026-01-02T03:04:05.000Z");
    expect(await store.withLock("pool p-stale", 500, async () => "taken over")).toBe("taken over");
    await expect(store.withLock("pool p-live", 100, async () => "never")).rejects.toThrow(
      "the lock pool p-live stayed held for",
    );
    expect(db.prepare("SELECT key FROM pooldeck_push_locks ORDER BY key").all()).toEqual([
      { key: "pool p-live" },
    ]);
    db.close();
    await store.close();
  });
});
