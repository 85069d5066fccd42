"use client";

/**
 * "Update pool": one button in the template editor's toolbar. It opens a diff of the stored and
 * the edited template with the checks summary, pushes through the updatePool action, and handles
 * every answer in place. Nothing here ever changes the editor's text: a failure keeps the edit.
 */
import dynamic from "next/dynamic";
import { useMemo, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { usePushPermission } from "@/components/auth/operator-context";
import { PushDisabledNote, SignInAgainLink } from "@/components/auth/sign-in-again";
import { useTemplateEditorState } from "@/components/template-editor/editor-context";
import { updatePool } from "@/lib/actions/update-pool";
import { documentTooLarge, MAX_DOCUMENT_CHARS, type ActionFailure } from "@/lib/outcome/types";
import { jsonEqual, stableHash } from "@/lib/template/stable-hash";
import type { JsonValue } from "@/lib/template/types";
import { ChecksSummary } from "./checks-summary";

const TemplateDiffView = dynamic(() => import("./template-diff"), {
  ssr: false,
  loading: () => (
    <p role="status" className="p-3 text-xs text-muted-foreground">
      Loading the diff…
    </p>
  ),
});

export interface UpdatePoolButtonProps {
  poolName: string;
  /** the pool's `updated` as loaded by the page (its template is the editor's saved text) */
  loadedUpdated: string | null;
}

interface Base {
  updated: string | null;
  template: JsonValue;
  /** the editor's saved text is this template (the page's load, or our own last push) */
  isSaved?: true;
}

type Outcome =
  | { kind: "pushed"; changed: boolean; warnings: number; clusterProblem: string | null }
  | { kind: "conflict"; failure: ActionFailure; remote: Base }
  | { kind: "failed"; failure: ActionFailure };

const pretty = (value: JsonValue) => JSON.stringify(value, null, 2);

/** The push button and its dialog; reads the edited text from the surrounding TemplateEditor. */
export function UpdatePoolButton({ poolName, loadedUpdated }: UpdatePoolButtonProps) {
  const editor = useTemplateEditorState();
  const permission = usePushPermission();
  // what the next push compares against: the load, then each successful push or a rebase
  const [base, setBase] = useState<Base>(() => ({
    updated: loadedUpdated,
    template: JSON.parse(editor.savedText) as JsonValue,
    isSaved: true,
  }));
  const [open, setOpen] = useState(false);
  const [typedName, setTypedName] = useState("");
  const [confirmOverwrite, setConfirmOverwrite] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  const errors = editor.diagnostics.filter((d) => d.severity === "error");
  // over the actions' limit nothing is sent (the server would refuse it) and no diff is drawn
  const tooLarge =
    editor.text.length > MAX_DOCUMENT_CHARS
      ? documentTooLarge("template", editor.text.length)
      : null;
  const parses = editor.value !== undefined;
  // an unedited text is the saved template; otherwise compare key-sorted texts (hashing both with
  // SHA-256 in JS cost ~20 ms on every change, and comparing ~10 ms while the page hydrated)
  const unchanged = useMemo(
    () => parses && ((base.isSaved && !editor.dirty) || jsonEqual(editor.value, base.template)),
    [parses, editor.dirty, editor.value, base],
  );
  // the server may find errors the browser did not (it reads the cluster itself)
  const serverErrors = outcome?.kind === "failed" ? (outcome.failure.checkErrors?.length ?? 0) : 0;
  const needsOverride = errors.length > 0 || serverErrors > 0;
  const overrideOk = !needsOverride || typedName === poolName;

  const push = (against: Base) => {
    const text = editor.text;
    startTransition(async () => {
      const result = await updatePool({
        name: poolName,
        template: text,
        loadedUpdated: against.updated,
        loadedTemplateHash: stableHash(against.template),
        ...(typedName ? { overrideErrors: typedName } : {}),
      }).catch((error: unknown) => unsent(error));
      setConfirmOverwrite(false);
      if (result.ok) {
        const stored = JSON.parse(text) as JsonValue;
        setBase({ updated: result.data.updated, template: stored, isSaved: true });
        setTypedName("");
        editor.markSaved(text);
        setOutcome({
          kind: "pushed",
          changed: result.data.changed,
          warnings: result.data.warnings,
          clusterProblem: result.data.clusterProblem,
        });
      } else if (result.conflict) {
        const { updated, template } = result.conflict.remote;
        setOutcome({ kind: "conflict", failure: result, remote: { updated, template } });
      } else {
        setOutcome({ kind: "failed", failure: result });
      }
    });
  };

  const conflict = outcome?.kind === "conflict" ? outcome : null;
  // in a conflict the diff shows what Prefect holds now against the user's edit
  const left = conflict ? conflict.remote.template : base.template;

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
          {tooLarge ? (
            <Alert tone="destructive" title="Too large to push">
              {tooLarge} Your text is kept in the editor.
            </Alert>
          ) : (
            <div className="h-[45vh] min-h-64 overflow-hidden rounded-md border border-border">
              <TemplateDiffView
                original={pretty(left)}
                modified={editor.text}
                originalLabel={
                  conflict ? "Prefect now (changed since you loaded it)" : "Stored in Prefect"
                }
                modifiedLabel="Your edit"
              />
            </div>
          )}
          {tooLarge ? null : (
            <ChecksSummary diagnostics={editor.diagnostics} source={`(${editor.mode} mode)`} />
          )}
          <Result outcome={outcome} poolName={poolName} />
          {conflict ? (
            <div className="flex flex-wrap items-center gap-2">
              <Button
                type="button"
                size="sm"
                onClick={() => {
                  setBase(conflict.remote);
                  setOutcome(null);
                }}
              >
                Load remote and re-apply my edit
              </Button>
              {confirmOverwrite ? (
                <>
                  <span className="text-xs text-destructive">
                    This replaces the change made in Prefect with your edit.
                  </span>
                  <Button
                    type="button"
                    size="sm"
                    variant="destructive"
                    disabled={pending || !overrideOk}
                    onClick={() => push(conflict.remote)}
                  >
                    Yes, overwrite the remote version
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    onClick={() => setConfirmOverwrite(false)}
                  >
                    Cancel
                  </Button>
                </>
              ) : (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  onClick={() => setConfirmOverwrite(true)}
                >
                  Overwrite anyway
                </Button>
              )}
            </div>
          ) : null}
          {needsOverride ? (
            <div className="grid gap-1">
              <Label htmlFor="push-override">
                The template has errors. Type the pool name ({poolName}) to push anyway
              </Label>
              <Input
                id="push-override"
                value={typedName}
                autoComplete="off"
                onChange={(e) => setTypedName(e.target.value)}
              />
            </div>
          ) : null}
          <div className="flex items-center justify-end gap-2">
            {tooLarge ? null : !parses ? (
              <span className="text-xs text-destructive">
                Fix the JSON first; invalid JSON is never pushed.
              </span>
            ) : unchanged ? (
              <span className="text-xs text-muted-foreground">
                No changes against the stored template.
              </span>
            ) : null}
            <Button
              type="button"
              variant={needsOverride ? "destructive" : "primary"}
              disabled={pending || Boolean(tooLarge) || !parses || !overrideOk || Boolean(conflict)}
              onClick={() => push(base)}
            >
              {pending ? "Pushing…" : needsOverride ? "Push with errors" : "Push to Prefect"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** A call the server refused before the action ran (e.g. proxy.ts's body limit) or the network lost. */
function unsent(error: unknown): ActionFailure {
  return {
    ok: false,
    error: `Not sent: ${error instanceof Error ? error.message : String(error)}`,
  };
}

function Result({ outcome, poolName }: { outcome: Outcome | null; poolName: string }) {
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
        {outcome.warnings > 0 ? `${outcome.warnings} warnings remain. ` : ""}
        {outcome.clusterProblem ?? ""}
      </Alert>
    );
  }
  const { failure } = outcome;
  return (
    <Alert
      tone="destructive"
      title={outcome.kind === "conflict" ? `${poolName} changed in Prefect` : "Not pushed"}
    >
      <p>{failure.error}</p>
      {failure.checkErrors?.length ? (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {failure.checkErrors.map((d, i) => (
            <li key={i}>
              <span className="font-mono">{d.rule}</span> {d.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1 text-xs">Your edit is unchanged in the editor.</p>
      <SignInAgainLink auth={failure.auth} />
    </Alert>
  );
}
