"use client";

/**
 * "Update pool": one button in the template editor's toolbar. It opens a diff of the stored and
 * the edited template with the checks summary, pushes through the updatePool action, and handles
 * every answer in place. Nothing here ever changes the editor's text: a failure keeps the edit.
 */
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { PushDisabledNote } from "@/components/auth/sign-in-again";
import { ChecksSummary } from "./checks-summary";
import { LazyTemplateDiff } from "./lazy-template-diff";
import { TypedNameOverride } from "./push-flow";
import { ConflictActions, PushFooter, UpdateResult } from "./update-pool-parts";
import { useUpdatePool } from "./use-update-pool";

export interface UpdatePoolButtonProps {
  poolName: string;
  /** the pool's `updated` as loaded by the page (its template is the editor's saved text) */
  loadedUpdated: string | null;
  /** where the pool is managed as code (its x-pooldeck-managed marker), or null */
  managedBy?: string | null;
}

/** The push button and its dialog; reads the edited text from the surrounding TemplateEditor. */
export function UpdatePoolButton({ poolName, loadedUpdated, managedBy }: UpdatePoolButtonProps) {
  const { editor, permission, setBase, outcome, setOutcome, flow, push, ...state } = useUpdatePool(
    poolName,
    loadedUpdated,
  );
  const { tooLarge, parses, unchanged, conflict, left, base } = state;
  const { text, diagnostics } = editor;
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next && outcome?.kind === "pushed") setOutcome(null);
      }}
    >
      <DialogTrigger asChild>
        <Button
          type="button"
          size="sm"
          variant="primary"
          disabled={editor.isNew || !permission.allowed}
          title={permission.reason ?? undefined}
          aria-describedby={permission.reason ? "update-pool-disabled" : undefined}
        >
          Update pool
        </Button>
      </DialogTrigger>
      <PushDisabledNote id="update-pool-disabled" reason={permission.reason} />
      <DialogContent
        title={`Update pool ${poolName}`}
        description="What Prefect stores now (left) and your edit (right). Pushing replaces the stored base job template."
        className="w-[min(96vw,80rem)]"
      >
        <div className="grid gap-4">
          {managedBy ? (
            <Alert tone="warning" title="This pool is managed as code">
              The repository is the source of truth: {managedBy}. Change the pool there; a push here
              makes the next <code>pooldeck apply</code> refuse until the files are exported again.
            </Alert>
          ) : null}
          {tooLarge ? (
            <Alert tone="destructive" title="Too large to push">
              {tooLarge} Your text is kept in the editor.
            </Alert>
          ) : (
            <>
              <div className="h-[45vh] min-h-64 overflow-hidden rounded-md border border-border">
                <LazyTemplateDiff
                  original={JSON.stringify(left, null, 2)}
                  modified={text}
                  originalLabel={
                    conflict ? "Prefect now (changed since you loaded it)" : "Stored in Prefect"
                  }
                  modifiedLabel="Your edit"
                />
              </div>
              <ChecksSummary diagnostics={diagnostics} source={`(${editor.mode} mode)`} />
            </>
          )}
          <UpdateResult outcome={outcome} poolName={poolName} />
          {conflict ? (
            <ConflictActions
              disabled={flow.pending || !flow.ok}
              onRebase={() => {
                setBase(conflict.remote);
                setOutcome(null);
              }}
              onOverwrite={() => push(conflict.remote)}
            />
          ) : null}
          <TypedNameOverride
            flow={flow}
            id="push-override"
            label={`The template has errors. Type the pool name (${poolName}) to push anyway`}
          />
          <PushFooter
            tooLarge={Boolean(tooLarge)}
            parses={parses}
            unchanged={unchanged}
            withErrors={flow.needed}
            pending={flow.pending}
            disabled={flow.pending || Boolean(tooLarge) || !parses || !flow.ok || Boolean(conflict)}
            onPush={() => push(base)}
          />
        </div>
      </DialogContent>
    </Dialog>
  );
}
