import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
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
