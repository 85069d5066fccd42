import "server-only";

import { join, resolve } from "node:path";
import type { Operator } from "@/lib/auth/operator";
import type { PooldeckConfig } from "@/lib/env/schema";
import { getConfig } from "@/lib/env/server";
import type { PrefectClient } from "@/lib/prefect/client";
import { openPostgresAuditStore } from "./postgres-store";
import { createAuditRecorder, type AuditRecorder } from "./recorder";
import { openSqliteAuditStore, SQLITE_FILE } from "./sqlite-store";
import type { AuditStore } from "./store";

/** Opens the configured store: PostgreSQL when DATABASE_URL is set, else SQLite in the data dir. */
export async function openAuditStore(config: PooldeckConfig["audit"]): Promise<AuditStore> {
  if (config.databaseUrl) return openPostgresAuditStore(config.databaseUrl);
  return openSqliteAuditStore(join(resolve(config.dataDir), SQLITE_FILE));
}

// one store per server process; kept on globalThis so dev-mode module reloads do not open more
const holder = globalThis as { pooldeckAuditStore?: Promise<AuditStore> };

/** The process's audit store, opened (and migrated) on first use; a failed open is retried next time. */
export function getAuditStore(): Promise<AuditStore> {
  holder.pooldeckAuditStore ??= openAuditStore(getConfig().audit).catch((error: unknown) => {
    holder.pooldeckAuditStore = undefined;
    throw error;
  });
  return holder.pooldeckAuditStore;
}

/** The recorder a server action hands to lib/push: this operator, this Prefect server, the process's store. */
export function auditRecorderFor(operator: Operator, client: PrefectClient): AuditRecorder {
  return createAuditRecorder({
    store: getAuditStore,
    operator,
    prefectServer: client.apiUrl,
    lockTimeoutMs: getConfig().timeouts.pushLockMs,
  });
}
