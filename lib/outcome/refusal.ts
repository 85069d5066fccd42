import type { ActionFailure } from "./types";

/**
 * Thrown by a write (lib/push, lib/audit) or an action's handler to refuse with a prepared failure
 * (conflict, checks); the action wrapper returns `failure` to the client as it is.
 */
export class ActionRefusal extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.error);
  }
}
