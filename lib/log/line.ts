/**
 * One server log line as JSON: the fixed fields in a fixed order, levels and their filter, and
 * the redaction every text field goes through. Pure (no I/O, no `server-only`), so the config
 * schema can validate POOLDECK_LOG_LEVEL with the same list and the unit tests see exact lines.
 */
import { secretForms, type Secret } from "@/lib/security/secret-scan";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = "info";

/** What happened to a server action: done, refused with a sentence, bad input, no session/role, failed. */
export type ActionOutcome = "ok" | "refused" | "invalid" | "denied" | "error";

export interface LogEntry {
  level: LogLevel;
  /** what the line is about: "action" (one per server action) or "upstream-error" */
  event: "action" | "upstream-error";
  requestId?: string;
  /** the operator's id (their username or the identity provider's subject), never a display name */
  operator?: string;
  action?: string;
  pool?: string;
  outcome?: ActionOutcome;
  durationMs?: number;
  /** upstream-error: "prefect" or "aws", the call that failed, its HTTP status and error kind */
  upstream?: "prefect" | "aws";
  call?: string;
  status?: number;
  kind?: string;
  /** a failure's sentence, redacted and cut to MAX_TEXT characters */
  message?: string;
}

/** Longer text is cut: a line never carries a document, whatever an error message quotes. */
export const MAX_TEXT = 300;
const REDACTED = "[redacted]";
// user:password@ in any URL, whichever secret it is
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/** Whether a line of `level` is written when the threshold is `threshold`. */
export function levelEnabled(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/** POOLDECK_LOG_LEVEL as a level; unset or blank is the default (the config schema refuses others). */
export function parseLogLevel(value: string | undefined): LogLevel {
  const v = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(v ?? "") ? (v as LogLevel) : DEFAULT_LOG_LEVEL;
}

/**
 * `text` without any form of `secrets` (plain, JSON-escaped, URL-encoded, base64, password part)
 * nor URL credentials, on one line, at most MAX_TEXT characters.
 */
export function redact(text: string, secrets: readonly Secret[]): string {
  let out = text.replace(/\s+/g, " ").trim();
  for (const secret of secrets) {
    if (!secret.value) continue;
    for (const { text: form } of secretForms(secret.value)) out = out.split(form).join(REDACTED);
  }
  out = out.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
}

const TEXT_FIELDS = [
  "requestId",
  "operator",
  "action",
  "pool",
  "upstream",
  "call",
  "kind",
  "message",
] as const;

/** The JSON line for `entry` at `time`: time, level, event, then the fields that are set. */
export function formatLine(entry: LogEntry, time: Date, secrets: readonly Secret[]): string {
  const clean: Record<string, unknown> = { ...entry };
  for (const field of TEXT_FIELDS) {
    const value = entry[field];
    if (typeof value === "string") clean[field] = redact(value, secrets);
  }
  const { level, event, requestId, operator, action, pool, outcome, durationMs } = clean;
  const { upstream, call, status, kind, message } = clean;
  // the fixed order makes lines easy to read and to grep; undefined fields are dropped by JSON
  return JSON.stringify({
    time: time.toISOString(),
    level,
    event,
    requestId,
    operator,
    action,
    pool,
    outcome,
    durationMs,
    upstream,
    call,
    status,
    kind,
    message,
  });
}
