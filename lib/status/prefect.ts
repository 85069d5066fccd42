import "server-only";

import { getConfig } from "@/lib/env/server";
import { createPrefectClient, expectData } from "@/lib/prefect/client";
import { isPrefectError, type PrefectErrorKind } from "@/lib/prefect/errors";

export type PrefectStatus =
  | {
      ok: true;
      apiUrl: string;
      version: string;
      cloud: { accountId: string; workspaceId: string } | null;
      auth: "none" | "basic" | "bearer";
    }
  | {
      ok: false;
      apiUrl: string;
      kind: PrefectErrorKind | "unexpected";
      message: string;
      hint: string;
    };

const HINTS: Partial<Record<PrefectErrorKind, string>> = {
  unreachable:
    "Check PREFECT_API_URL and that the server runs. For the local stack: `npm run stack:start` (or `npm run demo`).",
  timeout:
    "The server did not answer in time. Check that it is healthy and reachable from this machine.",
  unauthorized:
    "Prefect rejected the credentials. For Prefect Cloud set a valid PREFECT_API_KEY; for a self-hosted server with basic auth set PREFECT_API_AUTH_STRING to its user:password.",
  forbidden:
    "The key is valid but may not use this workspace. Give the key's user or service account a role in the workspace.",
  "not-found":
    "The URL answers but is not a Prefect API. PREFECT_API_URL must end in /api (self-hosted) or /workspaces/<id> (Cloud).",
};

/** Whether the configured Prefect answers, its version, and for Cloud the account and workspace. */
export async function getPrefectStatus(): Promise<PrefectStatus> {
  // One quick try: a status page must answer fast and report what it sees, not retry for seconds.
  const client = createPrefectClient(getConfig().prefect, {
    retry: { maxAttempts: 1 },
    timeoutMs: 5_000,
  });
  try {
    const version = await expectData(
      client,
      "read the server version",
      client.api.GET("/admin/version"),
    );
    return {
      ok: true,
      apiUrl: client.apiUrl,
      version: String(version),
      cloud: client.cloud,
      auth: client.auth,
    };
  } catch (error) {
    if (isPrefectError(error)) {
      return {
        ok: false,
        apiUrl: client.apiUrl,
        kind: error.kind,
        message: error.message,
        hint: HINTS[error.kind] ?? "See the message above; the server's own log has the details.",
      };
    }
    return {
      ok: false,
      apiUrl: client.apiUrl,
      kind: "unexpected",
      message: error instanceof Error ? error.message : String(error),
      hint: "This is unexpected; please report it with the message above.",
    };
  }
}
