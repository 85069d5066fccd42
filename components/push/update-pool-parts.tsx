"use client";

/** The parts of the Update pool dialog below the diff: the conflict choices, the answer, the push button. */
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionFailure } from "@/lib/outcome/types";
import type { JsonValue } from "@/lib/template/types";
import { PushFailure, warningsRemain } from "./push-flow";

/** What the next push compares against. */
export interface Base {
  updated: string | null;
  template: JsonValue;
  /** the editor's saved text is this template (the page's load, or our own last push) */
  isSaved?: true;
}

export type Outcome =
  | { kind: "pushed"; changed: boolean; warnings: number; clusterProblem: string | null }
  | { kind: "conflict"; failure: ActionFailure; remote: Base }
  | { kind: "failed"; failure: ActionFailure };

/** The pool changed in Prefect since it was loaded: rebase on it, or overwrite it after a confirmation. */
export function ConflictActions({
  onRebase,
  onOverwrite,
  disabled,
}: {
  onRebase(): void;
  onOverwrite(): void;
  disabled: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" size="sm" onClick={onRebase}>
        Load remote and re-apply my edit
      </Button>
      {confirming ? (
        <>
          <span className="text-xs text-destructive">
            This replaces the change made in Prefect with your edit.
          </span>
          <Button
            type="button"
            size="sm"
            variant="destructive"
            disabled={disabled}
            onClick={() => {
              setConfirming(false);
              onOverwrite();
            }}
          >
            Yes, overwrite the remote version
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          Overwrite anyway
        </Button>
      )}
    </div>
  );
}

/** The answer to the last push. */
export function UpdateResult({ outcome, poolName }: { outcome: Outcome | null; poolName: string }) {
  if (!outcome) return null;
  if (outcome.kind === "pushed") {
    return (
      <Alert
        tone="success"
        title={
          outcome.changed
            ? "Pushed. Prefect stored exactly this template."
            : "Nothing to push: Prefect already stores exactly this template."
        }
      >
        {warningsRemain(outcome.warnings)}
        {outcome.clusterProblem ?? ""}
      </Alert>
    );
  }
  return (
    <PushFailure
      title={outcome.kind === "conflict" ? `${poolName} changed in Prefect` : "Not pushed"}
      failure={outcome.failure}
      note="Your edit is unchanged in the editor."
    />
  );
}

/** Why the push button is off (invalid JSON) or pointless (no change), and the button. */
export function PushFooter(props: {
  tooLarge: boolean;
  parses: boolean;
  unchanged: boolean;
  withErrors: boolean;
  pending: boolean;
  disabled: boolean;
  onPush(): void;
}) {
  return (
    <div className="flex items-center justify-end gap-2">
      {props.tooLarge ? null : !props.parses ? (
        <span className="text-xs text-destructive">
          Fix the JSON first; invalid JSON is never pushed.
        </span>
      ) : props.unchanged ? (
        <span className="text-xs text-muted-foreground">
          No changes against the stored template.
        </span>
      ) : null}
      <Button
        type="button"
        variant={props.withErrors ? "destructive" : "primary"}
        disabled={props.disabled}
        onClick={props.onPush}
      >
        {props.pending ? "Pushing…" : props.withErrors ? "Push with errors" : "Push to Prefect"}
      </Button>
    </div>
  );
}
