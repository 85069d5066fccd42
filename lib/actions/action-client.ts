import "server-only";

import type { z } from "zod";
import type { Operator, Role } from "@/lib/auth/operator";
import { checkAccess, deniedMessage } from "@/lib/auth/session";
import { isPrefectError } from "@/lib/prefect/errors";
import { ActionRefusal } from "@/lib/outcome/refusal";
import type { ActionFailure, ActionResult } from "@/lib/outcome/types";

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
  if (isPrefectError(error)) return { ok: false, error: error.message };
  // unknown errors may carry internals (paths, SQL, credentials in URLs): log them, say little
  console.error("pooldeck action failed:", error);
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

/**
 * Wraps an action: the caller authorized for `role` (from the session, first), input parsed with
 * zod `safeParse` (field errors on failure), and every failure turned into `{ ok: false, error }`.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  role: Role;
  input: S;
  /** returns the data; refuses by throwing ActionRefusal */
  handler: (input: z.infer<S>, operator: Operator) => Promise<T>;
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      // before the input: a caller without a session learns nothing about what the action expects
      const access = await checkAccess(options.role);
      if (!access.ok) {
        return { ok: false, error: deniedMessage(options.role, access), auth: access.reason };
      }
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        const first = parsed.error.issues[0];
        return {
          ok: false,
          error: first
            ? `The request is not valid: ${first.path.length ? `${first.path.join(".")}: ` : ""}${first.message}`
            : "The request is not valid.",
          fieldErrors,
        };
      }
      return { ok: true, data: await options.handler(parsed.data, access.operator) };
    } catch (error) {
      return failureFrom(error);
    }
  };
}
