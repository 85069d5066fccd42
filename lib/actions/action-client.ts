import "server-only";

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Operator, Role } from "@/lib/auth/operator";
import { checkAccess, deniedMessage } from "@/lib/auth/session";
import { isPrefectError } from "@/lib/prefect/errors";
import { ActionRefusal } from "@/lib/outcome/refusal";
import type { ActionFailure, ActionResult } from "@/lib/outcome/types";
import { serverLog, withLogContext, type ActionOutcome, type LogContext } from "@/lib/log";

export { ActionRefusal } from "@/lib/outcome/refusal";

export type { Operator, Role } from "@/lib/auth/operator";

/**
 * THE authorization hook of every action: the operator of the request's session when they hold
 * `role`, otherwise null. The session is read here, inside the action, whatever proxy.ts let through.
 */
export async function authorize(role: Role): Promise<Operator | null> {
  const access = await checkAccess(role);
  return access.ok ? access.operator : null;
}

/** Turns whatever a handler threw into a plain sentence; never a stack. */
export function failureFrom(error: unknown): ActionFailure {
  if (error instanceof ActionRefusal) return error.failure;
  if (isPrefectError(error)) {
    return {
      ok: false,
      error: error.message,
      ...(error.kind === "not-found" ? { notFound: true as const } : {}),
    };
  }
  // unknown errors may carry internals (paths, SQL, credentials in URLs): the caller gets little,
  // the server log line (defineAction) the message with every secret redacted
  return {
    ok: false,
    error:
      "Pooldeck hit an unexpected error; nothing more is known. The server log has the details.",
  };
}

/** zod issues as `{ field: [messages] }`, "" for the input as a whole. */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The request's id: the proxy's or load balancer's `x-request-id`, else a new one. */
async function requestId(): Promise<string> {
  try {
    const id = (await headers()).get("x-request-id")?.trim();
    if (id && id.length <= 200) return id;
  } catch {
    // outside a request (unit tests): a fresh id
  }
  return randomUUID();
}

/** The pool an action's input names (`poolName`, or `name` for the pool actions), for the log. */
function poolOf(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { poolName, name } = raw as { poolName?: unknown; name?: unknown };
  const pool = typeof poolName === "string" ? poolName : name;
  return typeof pool === "string" ? pool : undefined;
}

function outcomeOf(result: ActionResult<unknown>, thrown: unknown): ActionOutcome {
  if (result.ok) return "ok";
  if (result.auth) return "denied";
  if (result.fieldErrors) return "invalid";
  return thrown instanceof ActionRefusal ? "refused" : "error";
}

/**
 * Wraps an action: the caller authorized for `role` (from the session, first), input parsed with
 * zod `safeParse` (field errors on failure), and every failure turned into `{ ok: false, error }`.
 * Each call writes one server log line (lib/log): request id, operator, `name`, pool, outcome and
 * duration, and the failure's sentence when it failed.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  /** the action's name in the server log, e.g. "updatePool" */
  name?: string;
  /** the pool the input names, for the log (default: its `poolName`, else its `name`) */
  pool?: (input: z.input<S>) => string | undefined;
  role: Role;
  input: S;
  /** returns the data; refuses by throwing ActionRefusal */
  handler: (input: z.infer<S>, operator: Operator) => Promise<T>;
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  const run = async (
    raw: z.input<S>,
    ctx: LogContext,
  ): Promise<{ result: ActionResult<T>; thrown?: unknown }> => {
    try {
      // before the input: a caller without a session learns nothing about what the action expects
      const access = await checkAccess(options.role);
      if (access.operator) ctx.operator = access.operator.id;
      if (!access.ok) {
        return {
          result: { ok: false, error: deniedMessage(options.role, access), auth: access.reason },
        };
      }
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        const first = parsed.error.issues[0];
        return {
          result: {
            ok: false,
            error: first
              ? `The request is not valid: ${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}`
              : "The request is not valid.",
            fieldErrors,
          },
        };
      }
      return { result: { ok: true, data: await options.handler(parsed.data, access.operator) } };
    } catch (error) {
      return { result: failureFrom(error), thrown: error };
    }
  };
  return async (raw) => {
    const started = performance.now();
    const ctx: LogContext = {
      requestId: await requestId(),
      action: options.name ?? "action",
      pool: options.pool ? options.pool(raw) : poolOf(raw),
    };
    const { result, thrown } = await withLogContext(ctx, () => run(raw, ctx));
    const outcome = outcomeOf(result, thrown);
    serverLog().write({
      level: outcome === "error" ? "error" : outcome === "denied" ? "warn" : "info",
      event: "action",
      ...ctx,
      outcome,
      durationMs: Math.round(performance.now() - started),
      // an unexpected error's own message helps the operator (redacted, cut short); else the sentence
      ...(result.ok
        ? {}
        : {
            message: outcome === "error" && thrown instanceof Error ? thrown.message : result.error,
          }),
    });
    return result;
  };
}
