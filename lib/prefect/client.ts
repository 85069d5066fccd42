import "server-only";

import createClient, { type Client } from "openapi-fetch";

import { TtlCache } from "@/lib/cache/ttl-cache";
import { getConfig } from "@/lib/env/server";
import type { PooldeckConfig } from "@/lib/env/schema";

import { logUpstreamError } from "@/lib/log";

import { errorFromResponse, PrefectError } from "./errors";
import type { paths } from "./openapi";
import { createTransport, type PrefectAuth, type RetryPolicy, type Transport } from "./transport";

export interface PrefectClient {
  /** typed openapi-fetch client; paths are relative to apiUrl (e.g. "/work_pools/{name}") */
  api: Client<paths>;
  apiUrl: string;
  /** account and workspace when apiUrl is a Prefect Cloud workspace URL */
  cloud: { accountId: string; workspaceId: string } | null;
  auth: PrefectAuth["kind"];
  /** the authenticated, retrying fetch behind `api`, for the few endpoints the schema lacks */
  transport: Transport;
  /** the reads for display that concurrent callers share (see displayRead); writes clear it */
  displayReads: TtlCache;
}

export interface PrefectClientOptions {
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** underlying fetch, for transport tests */
  fetch?: typeof fetch;
}

/** Builds a client for a self-hosted server (optional basic auth and CSRF) or a Prefect Cloud workspace (bearer key). */
export function createPrefectClient(
  config: PooldeckConfig["prefect"],
  options: PrefectClientOptions = {},
): PrefectClient {
  const apiUrl = config.apiUrl.replace(/\/+$/, "");
  const auth: PrefectAuth = config.apiKey
    ? { kind: "bearer", apiKey: config.apiKey }
    : config.authString
      ? { kind: "basic", authString: config.authString }
      : { kind: "none" };
  // Prefect's own client only does CSRF against self-hosted servers (client/orchestration)
  const transport = createTransport({ apiUrl, auth, csrf: config.cloud === null, ...options });
  const api = createClient<paths>({ baseUrl: apiUrl, fetch: transport });
  return {
    api,
    apiUrl,
    cloud: config.cloud,
    auth: auth.kind,
    transport,
    displayReads: new TtlCache(0),
  };
}

/**
 * How long a read for display may be reused. 0: only a request already in flight is shared
 * (the answer is never older than the caller's own request would be). The pool itself and the
 * pool lists are read that way, since an edit starts from what the page shows and a pool made or
 * changed through Prefect's API must show on the next load; runs, workers and names are a few
 * seconds stale at most; the worker types' default templates change only with the server.
 */
export const DISPLAY_READ_TTL_MS = { shared: 0, runs: 5_000, defaults: 300_000 } as const;

/**
 * A read that only feeds a page: concurrent identical reads share one request, and within
 * `ttlMs` a repeat costs no request. Never for a push's re-read or read-back, which must see
 * Prefect as it is now (the concurrent-change check depends on it); those call Prefect directly.
 */
export async function displayRead<T>(
  client: PrefectClient,
  key: string,
  ttlMs: number,
  load: () => Promise<T>,
): Promise<T> {
  return (await client.displayReads.get(key, load, { ttlMs })).value;
}

/** After a write: the next display read of anything goes to Prefect, none shares an older one. */
export function forgetDisplayReads(client: PrefectClient): void {
  client.displayReads.clear();
}

let shared: PrefectClient | undefined;

/** The client for the configured Prefect (PREFECT_API_URL and its credentials), created once per server process. */
export function getPrefectClient(): PrefectClient {
  const config = getConfig();
  shared ??= createPrefectClient(config.prefect, { timeoutMs: config.timeouts.prefectMs });
  return shared;
}

type ApiResult = { data?: unknown; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its body, or throws a PrefectError naming the cause and `action`. */
export async function expectData<R extends ApiResult>(
  client: PrefectClient,
  action: string,
  call: Promise<R>,
): Promise<Exclude<R["data"], undefined>> {
  const result = await call;
  if (!result.response.ok) throw failure(client, action, result);
  if (result.data === undefined) {
    throw new PrefectError({
      status: result.response.status,
      kind: "unexpected",
      message: `Could not ${action}: Prefect answered ${result.response.status} without a body`,
    });
  }
  return result.data as Exclude<R["data"], undefined>;
}

/** Awaits an openapi-fetch call that answers without a body (204), or throws a PrefectError. */
export async function expectNoContent(
  client: PrefectClient,
  action: string,
  call: Promise<ApiResult>,
): Promise<void> {
  const result = await call;
  if (!result.response.ok) throw failure(client, action, result);
}

function failure(client: PrefectClient, action: string, result: ApiResult): PrefectError {
  const error = errorFromResponse(result.response.status, result.error, {
    action,
    apiUrl: client.apiUrl,
    auth: client.auth,
  });
  logUpstreamError({
    upstream: "prefect",
    call: action,
    status: result.response.status,
    kind: error.kind,
    message: error.message,
  });
  return error;
}

/** GET on a path the generated schema does not describe (Prefect Cloud-only endpoints); returns parsed JSON. */
export async function getUntyped(
  client: PrefectClient,
  path: string,
  action: string,
): Promise<unknown> {
  const response = await client.transport(
    new Request(`${client.apiUrl}${path}`, { method: "GET" }),
  );
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the error message
  }
  if (!response.ok) throw failure(client, action, { error: body, response });
  return body;
}
