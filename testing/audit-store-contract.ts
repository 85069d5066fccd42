/**
 * The behaviour every audit store must have, run against real SQLite (sqlite-store.test.ts) and a
 * real PostgreSQL (postgres-store.int.test.ts). `open` opens the same database again each call.
 */
import { afterEach, describe, expect, it } from "vitest";
import { LATEST_VERSION } from "@/lib/audit/migrations";
import { LockBusyError, type AuditStore } from "@/lib/audit/store";
import type { NewAuditEntry } from "@/lib/audit/types";

const SERVER = "http://prefect.internal:4200/api";

/** A pending pool.update entry with distinct values in every field. */
export function poolUpdate(pool: string, at: string, cpu: number): NewAuditEntry {
  return {
    kind: "pool.update",
    pool,
    before: { base_job_template: { variables: { properties: { cpu: { default: cpu - 1 } } } } },
    after: { base_job_template: { variables: { properties: { cpu: { default: cpu } } } } },
    at,
    operator: { id: "u-1", displayName: "Ada Lovelace" },
    prefectServer: SERVER,
  };
}

/** Defines the contract tests for one backend. */
export function describeAuditStore(
  name: string,
  open: () => Promise<AuditStore>,
  rawExec: (sql: string) => Promise<void>,
): void {
  describe(`${name} audit store`, () => {
    const opened: AuditStore[] = [];
    const openTracked = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it("creates the schema on first use and migrates once, whoever opens it", async () => {
      const [a, b] = await Promise.all([openTracked(), openTracked()]);
      expect(await a.schemaVersion()).toBe(LATEST_VERSION);
      expect(await b.schemaVersion()).toBe(LATEST_VERSION);
      const id = await a.begin(poolUpdate("p-migrate", "2026-01-02T03:04:05.678Z", 512));
      const again = await openTracked();
      expect((await again.get(id))?.pool).toBe("p-migrate");
    });

    it("the readiness probe's write succeeds and changes no entry", async () => {
      const store = await openTracked();
      const id = await store.begin(poolUpdate("p-probe", "2026-01-02T03:04:05.678Z", 256));
      const before = await store.listForPool(SERVER, "p-probe");
      await expect(store.checkWritable()).resolves.toBeUndefined();
      expect(await store.listForPool(SERVER, "p-probe")).toEqual(before);
      expect((await store.get(id))?.outcome).toBe("pending");
    });

    it("stores a pending entry and completes it with what Prefect stores", async () => {
      const store = await openTracked();
      const entry = poolUpdate("p-complete", "2026-01-02T03:04:05.678Z", 1024);
      const id = await store.begin(entry);
      expect(await store.get(id)).toEqual({
        id,
        at: "2026-01-02T03:04:05.678Z",
        completedAt: null,
        operator: { id: "u-1", displayName: "Ada Lovelace" },
        source: "dashboard",
        kind: "pool.update",
        prefectServer: SERVER,
        pool: "p-complete",
        deployment: null,
        before: { base_job_template: { variables: { properties: { cpu: { default: 1023 } } } } },
        after: { base_job_template: { variables: { properties: { cpu: { default: 1024 } } } } },
        outcome: "pending",
        error: null,
      });
      const stored = {
        base_job_template: { variables: { properties: { cpu: { default: 2048 } } } },
      };
      await store.complete(id, {
        outcome: "succeeded",
        completedAt: "2026-01-02T03:04:06.001Z",
        after: stored,
        error: null,
      });
      const done = await store.get(id);
      expect(done?.outcome).toBe("succeeded");
      expect(done?.completedAt).toBe("2026-01-02T03:04:06.001Z");
      expect(done?.after).toEqual(stored);
      // an entry completes once: a second completion is an error, not a silent overwrite
      await expect(
        store.complete(id, {
          outcome: "failed",
          completedAt: "2026-01-02T03:04:07.000Z",
          after: null,
          error: "x",
        }),
      ).rejects.toThrow(`audit entry ${id} is not pending`);
      expect((await store.get(id))?.outcome).toBe("succeeded");
    });

    it("keeps the intended change of a failed write, with Prefect's error", async () => {
      const store = await openTracked();
      const id = await store.begin(poolUpdate("p-failed", "2026-01-02T03:04:05.000Z", 4096));
      await store.complete(id, {
        outcome: "failed",
        completedAt: "2026-01-02T03:04:05.500Z",
        after: null,
        error: "Prefect refused: 422 base_job_template",
      });
      const failed = await store.get(id);
      expect(failed?.outcome).toBe("failed");
      expect(failed?.error).toBe("Prefect refused: 422 base_job_template");
      expect(failed?.after).toEqual({
        base_job_template: { variables: { properties: { cpu: { default: 4096 } } } },
      });
    });

    it("a pending entry survives a crash (the store closed before completion)", async () => {
      const first = await open();
      const id = await first.begin(poolUpdate("p-crash", "2026-01-02T03:04:05.000Z", 256));
      await first.close();
      const reopened = await openTracked();
      const entry = await reopened.get(id);
      expect(entry?.outcome).toBe("pending");
      expect(entry?.after).toEqual({
        base_job_template: { variables: { properties: { cpu: { default: 256 } } } },
      });
    });

    it("lists one pool's entries newest first, its deployments' included, by server", async () => {
      const store = await openTracked();
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(await store.begin(poolUpdate("p-list", `2026-01-0${i + 1}T00:00:00.000Z`, i)));
      }
      const deployment = await store.begin({
        kind: "deployment.job_variables",
        pool: "p-list",
        deployment: { id: "0d5a1c3e-0000-4000-8000-000000000001", name: "nightly" },
        before: { job_variables: { launch_type: "EC2" } },
        after: { job_variables: { launch_type: "FARGATE" } },
        at: "2026-01-04T00:00:00.000Z",
        operator: { id: "u-2", displayName: "Grace Hopper" },
        prefectServer: SERVER,
      });
      await store.begin({
        ...poolUpdate("p-list", "2026-01-05T00:00:00.000Z", 9),
        prefectServer: "http://other:4200/api",
      });
      await store.begin(poolUpdate("p-other", "2026-01-05T00:00:00.000Z", 9));

      const all = await store.listForPool(SERVER, "p-list");
      expect(all.map((e) => e.id)).toEqual([deployment, ids[2], ids[1], ids[0]]);
      expect(all[0]?.deployment).toEqual({
        id: "0d5a1c3e-0000-4000-8000-000000000001",
        name: "nightly",
      });
      expect(all[0]?.kind).toBe("deployment.job_variables");
      expect(all[0]?.operator).toEqual({ id: "u-2", displayName: "Grace Hopper" });
      expect(all.map((e) => e.source)).toEqual([
        "dashboard",
        "dashboard",
        "dashboard",
        "dashboard",
      ]);
      const page = await store.listForPool(SERVER, "p-list", { limit: 2, beforeId: ids[2] });
      expect(page.map((e) => e.id)).toEqual([ids[1], ids[0]]);
      expect(await store.get(987654321)).toBeNull();
    });

    it("keeps where a change was made: the CLI's entries say cli", async () => {
      const store = await openTracked();
      const id = await store.begin({
        ...poolUpdate("p-source", "2026-01-06T00:00:00.000Z", 2048),
        operator: { id: "cli:deploy-bot", displayName: "deploy-bot" },
        source: "cli",
      });
      const entry = await store.get(id);
      expect(entry?.source).toBe("cli");
      expect(entry?.operator).toEqual({ id: "cli:deploy-bot", displayName: "deploy-bot" });
      expect((await store.listForPool(SERVER, "p-source")).map((e) => e.source)).toEqual(["cli"]);
    });

    it("holds a lock for one holder at a time across stores; the next waits and gets it", async () => {
      const [a, b] = await Promise.all([openTracked(), openTracked()]);
      const steps: string[] = [];
      let second: Promise<void> | undefined;
      await a.withLock("pool p-lock", 2000, async () => {
        steps.push("a holds");
        second = b.withLock("pool p-lock", 5000, async () => void steps.push("b holds"));
        // another key is free meanwhile
        await b.withLock("pool p-other", 100, async () => void steps.push("b holds p-other"));
        await new Promise((r) => setTimeout(r, 200));
        steps.push("a releases");
      });
      await second;
      expect(steps).toEqual(["a holds", "b holds p-other", "a releases", "b holds"]);
    });

    it("refuses with LockBusyError when the lock stays held past the wait, and frees it after a throw", async () => {
      const [a, b] = await Promise.all([openTracked(), openTracked()]);
      let busy: unknown;
      await a.withLock("pool p-busy", 2000, async () => {
        busy = await b.withLock("pool p-busy", 150, async () => "never").catch((e: unknown) => e);
      });
      expect(busy).toBeInstanceOf(LockBusyError);
      expect((busy as LockBusyError).key).toBe("pool p-busy");
      expect((busy as LockBusyError).waitedMs).toBeGreaterThanOrEqual(150);
      await expect(
        a.withLock("pool p-busy", 1000, async () => {
          throw new Error("the push failed");
        }),
      ).rejects.toThrow("the push failed");
      expect(await b.withLock("pool p-busy", 1000, async () => "free")).toBe("free");
    });

    it("refuses a database migrated by a newer Pooldeck", async () => {
      const store = await openTracked();
      await rawExec(
        `INSERT INTO pooldeck_migrations (version, name, applied_at) VALUES (${LATEST_VERSION + 1}, 'from the future', '2030-01-01T00:00:00Z')`,
      );
      await expect(open()).rejects.toThrow(
        `has schema version ${LATEST_VERSION + 1}, newer than this Pooldeck knows (${LATEST_VERSION})`,
      );
      await rawExec(`DELETE FROM pooldeck_migrations WHERE version = ${LATEST_VERSION + 1}`);
      expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    });
  });
}
