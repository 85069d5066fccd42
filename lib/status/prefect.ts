import "server-only";

import { getConfig } from "@/lib/env/server";
import { createPrefectClient } from "@/lib/prefect/client";
import type { PrefectErrorKind } from "@/lib/prefect/errors";
import { getServerInfo, type PrefectServerInfo } from "@/lib/prefect/server-info";

export type PrefectStatus = PrefectServerInfo & { ok: boolean; hint: string | null };

const HINTS: Partial<Record<PrefectErrorKind, string>> = {
  unreachable:
    "Check PREFECT_API_URL and that the server runs. For the local stack: `npm run stack:start` (or `npm run demo`).",
  timeout:
    "The server did not answer in time. Check that it is healthy and reachable from this machine.",
  unauthorized:
    "Prefect rejected the credentials. For Prefect Cloud set a valid PREFECT_API_KEY; for a self-hosted server with basic auth set PREFECT_API_AUTH_STRING to its user:password.",
  forbidden:
    "The key is valid but may not use this workspace. Give the key's user or service account a role in the workspace.",
  csrf: "The server enforces CSRF tokens and refused ours. Check that PREFECT_API_URL points at the server itself, not a proxy that strips headers.",
  "not-found":
    "The URL answers but is not a Prefect API. PREFECT_API_URL must end in /api (self-hosted) or /workspaces/<id> (Cloud).",
};

/** Whether the configured Prefect answers with our credentials, and what to do when it does not. */
export async function getPrefectStatus(): Promise<PrefectStatus> {
  // One quick try: a status page must answer fast and report what it sees, not retry for seconds.
  const config = getConfig();
  const client = createPrefectClient(config.prefect, {
    retry: { maxAttempts: 1 },
    timeoutMs: Math.min(5_000, config.timeouts.prefectMs),
  });
  const info = await getServerInfo(client);
  const ok = info.healthy && info.problem === null;
  const hint = info.problem
    ? (HINTS[info.problem.kind] ?? "See the message above; the server's own log has the details.")
    : null;
  return { ...info, ok, hint };
}
