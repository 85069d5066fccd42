import "server-only";

import type { z } from "zod";
import { isPrefectError } from "@/lib/prefect/errors";
import type { ActionFailure, ActionResult } from "./types";

export type Role = "viewer" | "editor";

/** Who is calling an action. */
export interface Operator {
  id: string;
  displayName: string;
  roles: readonly Role[];
}

/**
 * THE authorization hook of every action. Sign-in and roles are issue 8 and do not exist yet, so
 * this returns the anonymous operator with every role: anyone who can reach Pooldeck can edit.
 * Issue 8 replaces this one function (read the session, return null when the role is missing);
 * no action needs to change.
 */
export async function authorize(role: Role): Promise<Operator | null> {
  const anonymous: Operator = {
    id: "anonymous",
    displayName: "anonymous operator",
    roles: ["viewer", "editor"],
  };
  return anonymous.roles.includes(role) ? anonymous : null;
}

/** Thrown inside an action's handler to refuse with a prepared failure (conflict, checks). */
export class ActionRefusal extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.error);
  }
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
 * Wraps an action: input parsed with zod `safeParse` (field errors on failure), the caller
 * authorized for `role`, and every failure turned into `{ ok: false, error }`.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  role: Role;
  input: S;
  /** returns the data; refuses by throwing ActionRefusal */
  handler: (input: z.infer<S>, operator: Operator) => Promise<T>;
}): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
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
      const operator = await authorize(options.role);
      if (!operator) {
        return { ok: false, error: `You need the ${options.role} role to do this.` };
      }
      return { ok: true, data: await options.handler(parsed.data, operator) };
    } catch (error) {
      return failureFrom(error);
    }
  };
}
