/**
 * Results of Pooldeck's server actions (pure types, imported by client components). Actions never
 * throw to the client: every failure is `{ ok: false, error }` with a sentence a person can act on.
 */
import type { Diagnostic } from "@/lib/checks";
import type { JsonValue } from "@/lib/template/types";

export type ActionFailure = {
  ok: false;
  error: string;
  /** input problems by field name (zod's flattened field errors) */
  fieldErrors?: Record<string, string[]>;
  /** the resource changed in Prefect since the user loaded it: what is there now */
  conflict?: { remote: { updated: string; template: JsonValue; hash: string } };
  /** the checks that refused the write (errors only) */
  checkErrors?: Diagnostic[];
  /** what the input names does not exist (Prefect answered 404) */
  notFound?: true;
  /** refused before anything ran: no valid session (sign in again) or a session without the role */
  auth?: "signed-out" | "forbidden";
  /** the write was sent and no answer came back: Prefect may or may not hold it */
  outcomeUnknown?: true;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** Largest template or job_variables text an action accepts (characters of JSON). */
export const MAX_DOCUMENT_CHARS = 1024 * 1024;

/** The refusal of a document over MAX_DOCUMENT_CHARS, the same in the editor and the actions. */
export function documentTooLarge(what: string, size: number): string {
  return `The ${what} is ${(size / 1024 / 1024).toFixed(2)} MB; Pooldeck accepts at most 1 MB. Nothing was sent.`;
}

/** A message as a sentence: with a full stop unless it ends in one (Prefect's errors do not). */
export function asSentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
