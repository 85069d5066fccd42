import "server-only";

import { ActionRefusal } from "@/lib/outcome/refusal";
import { isPrefectError } from "@/lib/prefect/errors";
import type { JsonObject } from "@/lib/template/types";
import { LockBusyError, type AuditStore } from "./store";
import type { AuditChange, AuditSource } from "./types";
import { errorMessage } from "@/lib/template/error-message";

/** What a push holds exclusively from its re-read to its read-back. */
export type PushTarget = { pool: string } | { deployment: { id: string; name: string } };

/** What every push path writes through: see createAuditRecorder. */
export interface AuditRecorder {
  /**
   * Records `change` as pending, runs `write` (the Prefect write plus its read-back, which returns
   * the changed fields as Prefect now stores them), then completes the entry with the outcome.
   */
  record<T>(
    change: AuditChange,
    write: () => Promise<{ result: T; stored: JsonObject }>,
  ): Promise<T>;
  /**
   * Runs `push` (re-read → PATCH → read-back) holding the target's lock in the audit store, so
   * no other instance or tab pushes the same pool or deployment in between; refuses with "Another
   * push of … is in progress" when the lock stays held past the wait.
   */
  exclusive<T>(target: PushTarget, push: () => Promise<T>): Promise<T>;
  /**
   * Records an attempt Pooldeck refused before sending anything (the pool changed since it was
   * loaded) as failed with `reason`, so the history holds every attempt. Never throws: a store
   * that cannot write only logs, the refusal itself is what the user must see.
   */
  refused(change: AuditChange, reason: string): Promise<void>;
}

export interface RecorderOptions {
  /** the store, opened lazily: a store that cannot open refuses the push like a failed write */
  store: () => Promise<AuditStore>;
  operator: { id: string; displayName: string };
  /** where the changes are made; default: the dashboard */
  source?: AuditSource;
  /** the Prefect API URL; credentials, query and fragment are removed before storing */
  prefectServer: string;
  now?: () => Date;
  /** how long a push waits for another push of the same pool or deployment (default 10 s) */
  lockTimeoutMs?: number;
}

/** The default wait for another push of the same target. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

/** The Prefect API URL as stored in the history: no user, password, query or fragment. */
export function publicServerUrl(apiUrl: string): string {
  try {
    const u = new URL(apiUrl);
    u.username = "";
    u.password = "";
    u.search = "";
    u.hash = "";
    return u.toString().replace(/\/+$/, "");
  } catch {
    return "(unparseable Prefect URL)";
  }
}

const reasonOf = (error: unknown) => errorMessage(error).slice(0, 300);

function cannotRecord(error: unknown): ActionRefusal {
  console.error("pooldeck audit history: cannot record a change:", error);
  return new ActionRefusal({
    ok: false,
    error: `Nothing was sent to Prefect: the audit history cannot record this change (${reasonOf(error)}). Pooldeck refuses every change it cannot record, so that no change is lost; check DATABASE_URL or the data directory, then try again.`,
  });
}

/**
 * The one place where pushes are recorded. Nothing reaches Prefect unless its pending entry was
 * stored first, so a crash between the write and its completion leaves a "pending" entry rather
 * than an unrecorded change; a store that cannot write refuses the push ("no change may be lost").
 * A completion that fails after Prefect accepted the write is logged and leaves the entry pending:
 * the change happened, and refusing now would misreport it.
 */
export function createAuditRecorder(options: RecorderOptions): AuditRecorder {
  const now = options.now ?? (() => new Date());
  const prefectServer = publicServerUrl(options.prefectServer);
  return {
    async record<T>(
      change: AuditChange,
      write: () => Promise<{ result: T; stored: JsonObject }>,
    ): Promise<T> {
      let store: AuditStore;
      let id: number;
      try {
        store = await options.store();
        id = await store.begin({
          ...change,
          at: now().toISOString(),
          operator: { id: options.operator.id, displayName: options.operator.displayName },
          prefectServer,
          source: options.source ?? "dashboard",
        });
      } catch (error) {
        throw cannotRecord(error);
      }
      const finish = async (completion: Parameters<AuditStore["complete"]>[1]) => {
        try {
          await store.complete(id, completion);
        } catch (error) {
          console.error(`pooldeck audit history: entry ${id} stays pending:`, error);
        }
      };
      let outcome: { result: T; stored: JsonObject };
      try {
        await testSeams.beforeWrite?.(change);
        outcome = await write();
      } catch (error) {
        // Prefect answered with an error: nothing changed. No answer: the outcome is unknown.
        const answered = isPrefectError(error) && error.status !== null;
        await finish({
          outcome: answered ? "failed" : "unknown",
          completedAt: now().toISOString(),
          after: null,
          error: reasonOf(error),
        });
        if (answered || !isPrefectError(error)) throw error;
        // the write may or may not have landed: say so rather than "failed"
        throw new ActionRefusal({
          ok: false,
          error: `${error.message}. Whether Prefect stored this change is unknown (the audit history records it as unknown): reload to see what Prefect holds before pushing again. Your edit is kept.`,
          outcomeUnknown: true,
        });
      }
      await testSeams.beforeCompletion?.(change);
      await finish({
        outcome: "succeeded",
        completedAt: now().toISOString(),
        after: outcome.stored,
        error: null,
      });
      return outcome.result;
    },

    async exclusive<T>(target: PushTarget, push: () => Promise<T>): Promise<T> {
      const what =
        "pool" in target ? `pool ${target.pool}` : `deployment ${target.deployment.name}`;
      const key = `${prefectServer} ${"pool" in target ? `pool ${target.pool}` : `deployment ${target.deployment.id}`}`;
      const timeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
      let store: AuditStore;
      try {
        store = await options.store();
      } catch (error) {
        throw cannotRecord(error);
      }
      let locked = false;
      try {
        return await store.withLock(key, timeoutMs, () => {
          locked = true;
          return push();
        });
      } catch (error) {
        if (locked) throw error;
        if (error instanceof LockBusyError) {
          throw new ActionRefusal({
            ok: false,
            error: `Another push of ${what} is in progress (from another tab, Pooldeck instance or the CLI) and did not finish within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}. Nothing was sent; your edit is kept. Push again in a moment.`,
          });
        }
        throw cannotRecord(error);
      }
    },

    async refused(change: AuditChange, reason: string): Promise<void> {
      try {
        const store = await options.store();
        const id = await store.begin({
          ...change,
          at: now().toISOString(),
          operator: { id: options.operator.id, displayName: options.operator.displayName },
          prefectServer,
        });
        await store.complete(id, {
          outcome: "failed",
          completedAt: now().toISOString(),
          after: null,
          error: reason.slice(0, 300),
        });
      } catch (error) {
        console.error("pooldeck audit history: cannot record a refused push:", error);
      }
    },
  };
}

/**
 * Pauses a push at its audit steps, for the fault tests that kill a system at exactly that moment
 * (between the pending entry and the PATCH, between the PATCH and the completion). Empty unless a
 * test sets it: production never does, and an empty seam costs one property read.
 */
export const testSeams: {
  beforeWrite?: (change: AuditChange) => Promise<void>;
  beforeCompletion?: (change: AuditChange) => Promise<void>;
} = {};
