import "server-only";

import { ActionRefusal } from "@/lib/outcome/refusal";
import { isPrefectError } from "@/lib/prefect/errors";
import type { JsonObject } from "@/lib/template/types";
import type { AuditStore } from "./store";
import type { AuditChange, AuditSource } from "./types";

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
}

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

const reasonOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300);

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
        console.error("pooldeck audit history: cannot record a change:", error);
        throw new ActionRefusal({
          ok: false,
          error: `Nothing was sent to Prefect: the audit history cannot record this change (${reasonOf(error)}). Pooldeck refuses every change it cannot record, so that no change is lost; check DATABASE_URL or the data directory, then try again.`,
        });
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
        throw error;
      }
      await finish({
        outcome: "succeeded",
        completedAt: now().toISOString(),
        after: outcome.stored,
        error: null,
      });
      return outcome.result;
    },
  };
}
