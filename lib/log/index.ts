import "server-only";

/**
 * The server log: JSON lines on stdout, one per server action (lib/actions/action-client.ts) and
 * one per upstream error (lib/prefect/client.ts, lib/ecs/errors.ts), at or above
 * POOLDECK_LOG_LEVEL (debug, info, warn, error; default info). Every text field is redacted of
 * the configured secrets (lib/security/secret-scan.ts SECRET_VARIABLES) and cut short, and no
 * field holds a document, so no secret and no template body reaches a line.
 *
 * Only the Next.js server writes (NEXT_RUNTIME is "nodejs" there): the CLI, which reuses lib/ecs
 * and lib/prefect, keeps its stdout for its own output, and tests stay quiet unless they log to
 * a sink of their own (createLogger).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { secretsFromEnv, type Secret } from "@/lib/security/secret-scan";
import { formatLine, levelEnabled, parseLogLevel, type LogEntry, type LogLevel } from "./line";

export type { ActionOutcome, LogEntry, LogLevel } from "./line";

/** What every line written inside a server action carries. */
export interface LogContext {
  requestId: string;
  operator?: string;
  action: string;
  pool?: string;
}

export interface Logger {
  /** writes `entry` (with the current action's context filled in) when its level is enabled */
  write(entry: LogEntry): void;
  readonly level: LogLevel;
}

/** A logger writing to `sink`; the server's own is `serverLog()`, tests pass theirs. */
export function createLogger(options: {
  level: LogLevel;
  secrets: readonly Secret[];
  sink: (line: string) => void;
  now?: () => Date;
}): Logger {
  const now = options.now ?? (() => new Date());
  return {
    level: options.level,
    write(entry) {
      if (!levelEnabled(entry.level, options.level)) return;
      options.sink(formatLine({ ...currentLogContext(), ...entry }, now(), options.secrets));
    },
  };
}

const context = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `ctx` as the context of every line it logs (upstream errors included). */
export function withLogContext<T>(ctx: LogContext, fn: () => Promise<T>): Promise<T> {
  return context.run(ctx, fn);
}

/** The context of the server action running now, if any. */
export function currentLogContext(): Partial<LogContext> {
  return context.getStore() ?? {};
}

/**
 * The server's logger (stdout, POOLDECK_LOG_LEVEL, the secret variables of the environment);
 * silent outside the Next.js server. Built per line from the environment: a few lines a request.
 */
export function serverLog(): Logger {
  const writes = process.env.NEXT_RUNTIME === "nodejs";
  return createLogger({
    level: parseLogLevel(process.env.POOLDECK_LOG_LEVEL),
    secrets: writes ? secretsFromEnv(process.env) : [],
    sink: writes ? (line) => process.stdout.write(`${line}\n`) : () => {},
  });
}

/** Logs a failed call to Prefect or AWS, in the context of the action that made it. */
export function logUpstreamError(entry: Omit<LogEntry, "level" | "event">): void {
  serverLog().write({ level: "warn", event: "upstream-error", ...entry });
}
