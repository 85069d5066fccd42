import "server-only";

export type PrefectErrorKind =
  | "unreachable"
  | "timeout"
  | "unauthorized"
  | "forbidden"
  | "reserved-name"
  | "csrf"
  | "not-found"
  | "conflict"
  | "validation"
  | "rate-limited"
  | "server"
  | "unexpected";

/** One entry of FastAPI's 422 body (`exception_detail[]` in Prefect). */
export interface PrefectValidationIssue {
  /** location without the leading "body"/"query"/"path", e.g. ["name"] */
  loc: (string | number)[];
  msg: string;
}

/** A failed Prefect call; `message` names the cause in words a user can act on. */
export class PrefectError extends Error {
  override name = "PrefectError";
  /** HTTP status, or null when no response arrived */
  readonly status: number | null;
  readonly kind: PrefectErrorKind;
  /** Prefect's own text (`detail`, `exception_message` or joined validation messages), if any */
  readonly detail: string | null;
  readonly validation: PrefectValidationIssue[];

  constructor(init: {
    status: number | null;
    kind: PrefectErrorKind;
    message: string;
    detail?: string | null;
    validation?: PrefectValidationIssue[];
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.kind = init.kind;
    this.detail = init.detail ?? null;
    this.validation = init.validation ?? [];
  }
}

/** True for a PrefectError of the given kind (or any kind). */
export function isPrefectError(err: unknown, kind?: PrefectErrorKind): err is PrefectError {
  return err instanceof PrefectError && (kind === undefined || err.kind === kind);
}

export interface ErrorContext {
  /** what was attempted, e.g. `create work pool "ecs-prod"` */
  action: string;
  apiUrl: string;
  auth: "none" | "basic" | "bearer";
}

/** Reads Prefect's error body: `{detail}`, `{exception_message, exception_detail[]}` or plain text. */
export function parseErrorBody(body: unknown): {
  detail: string | null;
  validation: PrefectValidationIssue[];
} {
  if (typeof body === "string") return { detail: body.trim() || null, validation: [] };
  if (!body || typeof body !== "object") return { detail: null, validation: [] };
  const b = body as Record<string, unknown>;
  const validation: PrefectValidationIssue[] = [];
  // FastAPI's own shape is {detail: [...]}, Prefect rewraps it as {exception_detail: [...]}
  const list = Array.isArray(b.exception_detail)
    ? b.exception_detail
    : Array.isArray(b.detail)
      ? b.detail
      : [];
  for (const item of list) {
    if (!item || typeof item !== "object") continue;
    const i = item as Record<string, unknown>;
    const loc = Array.isArray(i.loc)
      ? i.loc.filter((p): p is string | number => typeof p !== "object")
      : [];
    const where = loc[0] === "body" || loc[0] === "query" || loc[0] === "path" ? loc.slice(1) : loc;
    if (typeof i.msg === "string") validation.push({ loc: where, msg: i.msg });
  }
  if (validation.length > 0) {
    return { detail: validation.map(formatIssue).join("; "), validation };
  }
  const text =
    typeof b.detail === "string"
      ? b.detail
      : typeof b.exception_message === "string"
        ? b.exception_message
        : null;
  return { detail: text, validation };
}

function formatIssue(issue: PrefectValidationIssue): string {
  return issue.loc.length > 0 ? `${issue.loc.join(".")}: ${issue.msg}` : issue.msg;
}

/** Turns a non-2xx Prefect response into a PrefectError whose message names the cause. */
export function errorFromResponse(status: number, body: unknown, ctx: ErrorContext): PrefectError {
  const { detail, validation } = parseErrorBody(body);
  const said = detail ? `: ${detail}` : "";
  const base = `Could not ${ctx.action}`;
  const make = (kind: PrefectErrorKind, message: string) =>
    new PrefectError({ status, kind, message, detail, validation });

  switch (status) {
    case 401:
      return make("unauthorized", `${base}: ${unauthorizedCause(ctx)} (401)`);
    case 403:
      if (detail && /reserved for internal use/i.test(detail))
        return make("reserved-name", `${base}${said} (403)`);
      if (detail && /csrf|client identifier/i.test(detail)) {
        return make("csrf", `${base}: Prefect refused the CSRF token${said} (403)`);
      }
      return make(
        "forbidden",
        `${base}: Prefect refused the request${said || ""}${ctx.auth === "bearer" ? " — the API key may lack permission for this workspace" : ""} (403)`,
      );
    case 404:
      return make("not-found", `${base}${said || ": not found"} (404)`);
    case 409:
      return make("conflict", `${base}${said || ": conflict"} (409)`);
    case 422:
      return make("validation", `${base}: Prefect rejected the request${said} (422)`);
    case 429:
      return make(
        "rate-limited",
        `${base}: Prefect is rate limiting requests; try again shortly (429)`,
      );
    default:
      if (status >= 500)
        return make("server", `${base}: Prefect answered with a server error${said} (${status})`);
      return make("unexpected", `${base}: unexpected answer from Prefect${said} (${status})`);
  }
}

function unauthorizedCause(ctx: ErrorContext): string {
  switch (ctx.auth) {
    case "bearer":
      return "Prefect Cloud rejected the API key; check PREFECT_API_KEY";
    case "basic":
      return `Prefect at ${ctx.apiUrl} rejected the credentials; check PREFECT_API_AUTH_STRING`;
    case "none":
      return `Prefect at ${ctx.apiUrl} requires authentication; set PREFECT_API_AUTH_STRING (self-hosted) or PREFECT_API_KEY (Cloud)`;
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed",
  CERT_HAS_EXPIRED: "TLS certificate expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed TLS certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate not trusted",
};

/** The system error code behind a failed fetch (undici wraps it in `cause`), if any. */
export function networkErrorCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    // AggregateError (happy eyeballs over IPv4 and IPv6) carries the real errors in `errors`
    const inner = (e as { errors?: unknown[] }).errors;
    e = Array.isArray(inner) && inner.length > 0 ? inner[0] : (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Turns a fetch that never got a response into a PrefectError ("Prefect is not reachable at …"). */
export function errorFromNetwork(
  err: unknown,
  apiUrl: string,
  timedOut: boolean,
  timeoutMs: number,
): PrefectError {
  if (timedOut) {
    return new PrefectError({
      status: null,
      kind: "timeout",
      message: `Prefect at ${apiUrl} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
      cause: err,
    });
  }
  const code = networkErrorCode(err);
  const why = code
    ? (NETWORK_CODES[code] ?? code)
    : err instanceof Error
      ? err.message
      : String(err);
  return new PrefectError({
    status: null,
    kind: "unreachable",
    message: `Prefect is not reachable at ${apiUrl} (${why})`,
    cause: err,
  });
}
