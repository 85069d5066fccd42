"use client";

/**
 * The pieces every push shares (Update pool, Create pool, the compare page's equivalent pool and
 * the job_variables editor): the typed-name override that lets a template with errors through,
 * sending an action so that a lost request still answers with a sentence, the refusal with its
 * check errors, and the Monaco diff loaded on demand.
 */
import { useState, useTransition } from "react";
import { SignInAgainLink } from "@/components/auth/sign-in-again";
import { Alert } from "@/components/ui/alert";
import { Input, Label } from "@/components/ui/input";
import type { ActionFailure, ActionResult } from "@/lib/outcome/types";
import { errorMessage } from "@/lib/template/error-message";
import { counted } from "@/lib/template/counted";

/** A call the server refused before the action ran (e.g. proxy.ts's body limit) or the network lost. */
export function unsent(error: unknown): ActionFailure {
  return {
    ok: false,
    error: `Not sent: ${errorMessage(error)}`,
  };
}

/**
 * One push in flight at a time, and the typed-name override: with errors (`needed`), the push
 * goes only once the user typed `confirmName`, and the typed name travels as `overrideErrors`.
 */
export function usePushFlow(confirmName: string, needed: boolean) {
  const [typedName, setTypedName] = useState("");
  const [pending, startTransition] = useTransition();
  return {
    typedName,
    setTypedName,
    needed,
    /** nothing to override, or the name typed exactly */
    ok: !needed || typedName === confirmName,
    pending,
    /** Sends `call` with the override (if typed); a throw becomes a "Not sent" failure. */
    send<T>(
      call: (override: { overrideErrors?: string }) => Promise<ActionResult<T>>,
      done: (result: ActionResult<T>) => void,
    ) {
      const override = typedName ? { overrideErrors: typedName } : {};
      startTransition(async () => done(await call(override).catch(unsent)));
    },
  };
}

/** The typed-name field of usePushFlow, shown only while the override is needed. */
export function TypedNameOverride({
  flow,
  id,
  label,
  labelId,
  compact,
}: {
  flow: ReturnType<typeof usePushFlow>;
  id: string;
  label: string;
  /** the label's id, for a button that names it as the reason it is disabled */
  labelId?: string;
  /** a small field in a toolbar: the label is its accessible name, the placeholder its hint */
  compact?: { placeholder: string };
}) {
  if (!flow.needed) return null;
  const input = (
    <Input
      id={id}
      autoComplete="off"
      value={flow.typedName}
      onChange={(e) => flow.setTypedName(e.target.value)}
      {...(compact
        ? { "aria-label": label, placeholder: compact.placeholder, className: "h-7 w-56 text-xs" }
        : {})}
    />
  );
  if (compact) return input;
  return (
    <div className="grid max-w-md gap-1">
      <Label htmlFor={id} id={labelId}>
        {label}
      </Label>
      {input}
    </div>
  );
}

/** A refused push: the server's sentence, its check errors, what happened to the edit. */
export function PushFailure({
  title,
  failure,
  note,
}: {
  title: string;
  failure: ActionFailure;
  /** what became of the user's edit, e.g. "Your edit is unchanged." */
  note?: string;
}) {
  return (
    // "Not pushed" would be wrong when the write went out and no answer came back
    <Alert tone="destructive" title={failure.outcomeUnknown ? "Outcome unknown" : title}>
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
      {note ? <p className="mt-1 text-xs">{note}</p> : null}
      <SignInAgainLink auth={failure.auth} />
    </Alert>
  );
}

/** After a successful push: "1 warning remains. ", "3 warnings remain. ", or nothing. */
export function warningsRemain(count: number): string {
  return count ? `${counted(count, "warning")} remain${count === 1 ? "s" : ""}. ` : "";
}
