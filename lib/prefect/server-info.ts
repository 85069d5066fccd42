import "server-only";

import { expectData, type PrefectClient } from "./client";
import { isPrefectError, type PrefectErrorKind } from "./errors";

/** What the status page shows about the configured Prefect; plain data, safe to pass to the browser. */
export interface PrefectServerInfo {
  apiUrl: string;
  auth: "none" | "basic" | "bearer";
  cloud: { accountId: string; workspaceId: string } | null;
  /** GET /health answered true */
  healthy: boolean;
  /** server version from GET /admin/version; null when it could not be read (Prefect Cloud may not serve it) */
  version: string | null;
  /** the first failure, when healthy is false or the version is missing */
  problem: { kind: PrefectErrorKind; status: number | null; message: string } | null;
}

/** Health, version and Cloud workspace of the configured Prefect. Never throws for Prefect failures: they land in `problem`. */
export async function getServerInfo(client: PrefectClient): Promise<PrefectServerInfo> {
  const info: PrefectServerInfo = {
    apiUrl: client.apiUrl,
    auth: client.auth,
    cloud: client.cloud,
    healthy: false,
    version: null,
    problem: null,
  };
  const note = (err: unknown) => {
    if (!isPrefectError(err)) throw err;
    info.problem ??= { kind: err.kind, status: err.status, message: err.message };
  };
  // /health is open even on servers with basic auth, so on its own it cannot prove the credentials
  // work; /admin/version needs them, which is why both are asked
  try {
    const health = await expectData(client, "check Prefect's health", client.api.GET("/health"));
    info.healthy = health === true;
  } catch (err) {
    note(err);
  }
  if (info.problem?.kind === "unreachable" || info.problem?.kind === "timeout") return info;
  try {
    const version = await expectData(
      client,
      "read the Prefect server version",
      client.api.GET("/admin/version"),
    );
    info.version = typeof version === "string" ? version : null;
  } catch (err) {
    // Prefect's own client skips the version check against Cloud; a Cloud 404 here is no fault
    if (!(client.cloud && isPrefectError(err, "not-found"))) note(err);
  }
  return info;
}
