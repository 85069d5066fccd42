import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ActionRefusal } from "@/lib/outcome/refusal";
import { PrefectError } from "@/lib/prefect/errors";
import { createAuditRecorder, publicServerUrl } from "./recorder";
import { openSqliteAuditStore } from "./sqlite-store";
import type { AuditChange } from "./types";

const store = openSqliteAuditStore(join(mkdtempSync(join(tmpdir(), "pd-rec-")), "a.sqlite"));
afterAll(() => store.close());
const SERVER = "https://admin:s3cret@prefect.internal:4200/api?x=1#frag";
let tick = 0;
const recorder = createAuditRecorder({
  store: async () => store,
  operator: { id: "u-7", displayName: "Edsger" },
  prefectServer: SERVER,
  now: () => new Date(Date.UTC(2026, 10, 27, 21, 0, tick++)),
});
const change: AuditChange = {
  kind: "pool.concurrency",
  pool: "rec-pool",
  before: { concurrency_limit: null },
  after: { concurrency_limit: 3 },
};

describe("createAuditRecorder", () => {
  it("stores the entry as pending before writing, then completes it with what Prefect stores", async () => {
    tick = 0;
    let seenDuringWrite: unknown;
    const result = await recorder.record(change, async () => {
      const [pending] = await store.listForPool("https://prefect.internal:4200/api", "rec-pool");
      seenDuringWrite = pending?.outcome;
      return { result: "done", stored: { concurrency_limit: 4 } };
    });
    expect(result).toBe("done");
    expect(seenDuringWrite).toBe("pending");
    const [entry] = await store.listForPool("https://prefect.internal:4200/api", "rec-pool");
    expect(entry).toMatchObject({
      at: "2026-11-27T21:00:00.000Z",
      completedAt: "2026-11-27T21:00:01.000Z",
      operator: { id: "u-7", displayName: "Edsger" },
      prefectServer: "https://prefect.internal:4200/api",
      before: { concurrency_limit: null },
      after: { concurrency_limit: 4 },
      outcome: "succeeded",
      error: null,
    });
  });

  it("marks Prefect's refusal failed (rethrown) and a broken-off write unknown (said so)", async () => {
    const refused = new PrefectError({
      status: 422,
      kind: "validation",
      message: "Prefect said no",
    });
    await expect(recorder.record(change, () => Promise.reject(refused))).rejects.toBe(refused);
    const lost = new PrefectError({ status: null, kind: "timeout", message: "no answer" });
    await expect(recorder.record(change, () => Promise.reject(lost))).rejects.toMatchObject({
      failure: {
        ok: false,
        error:
          "no answer. Whether Prefect stored this change is unknown (the audit history records it as unknown): reload to see what Prefect holds before pushing again. Your edit is kept.",
        outcomeUnknown: true,
      },
    });
    const [unknown, failed] = await store.listForPool(
      "https://prefect.internal:4200/api",
      "rec-pool",
    );
    expect([failed?.outcome, failed?.error, failed?.after]).toEqual([
      "failed",
      "Prefect said no",
      { concurrency_limit: 3 },
    ]);
    expect([unknown?.outcome, unknown?.error]).toEqual(["unknown", "no answer"]);
  });

  it("refuses to write when the store is unavailable, and never calls Prefect", async () => {
    const broken = createAuditRecorder({
      store: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
      operator: { id: "u-7", displayName: "Edsger" },
      prefectServer: SERVER,
    });
    let wrote = false;
    const attempt = broken.record(change, async () => {
      wrote = true;
      return { result: 1, stored: {} };
    });
    await expect(attempt).rejects.toBeInstanceOf(ActionRefusal);
    await expect(attempt).rejects.toThrow(
      "Nothing was sent to Prefect: the audit history cannot record this change (connect ECONNREFUSED 127.0.0.1:5432). Pooldeck refuses every change it cannot record, so that no change is lost; check DATABASE_URL or the data directory, then try again.",
    );
    expect(wrote).toBe(false);
  });
});

describe("publicServerUrl", () => {
  it("drops credentials, query and fragment", () => {
    expect(publicServerUrl(SERVER)).toBe("https://prefect.internal:4200/api");
    expect(publicServerUrl("https://api.prefect.cloud/api/accounts/a/workspaces/w")).toBe(
      "https://api.prefect.cloud/api/accounts/a/workspaces/w",
    );
  });
});
