"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { usePushPermission } from "@/components/auth/operator-context";
import { PushDisabledNote } from "@/components/auth/sign-in-again";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTemplateEditorState } from "@/components/template-editor/editor-context";
import { createPool } from "@/lib/actions/create-pool";
import { documentTooLarge, MAX_DOCUMENT_CHARS } from "@/lib/actions/types";
import { validateWorkPoolName } from "@/lib/prefect/names";
import { modeOfPoolType, poolTypeOfMode } from "@/lib/template/pool-type";

/** "Create pool" in the new-pool editor's toolbar: sends the edited template; errors need the typed name. */
export function CreatePoolButton() {
  const editor = useTemplateEditorState();
  const router = useRouter();
  const permission = usePushPermission();
  const [typedName, setTypedName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = editor.poolName;
  const nameProblem = name ? validateWorkPoolName(name) : null;
  const errors = editor.diagnostics.filter((d) => d.severity === "error").length;
  const tooLarge =
    editor.text.length > MAX_DOCUMENT_CHARS
      ? documentTooLarge("template", editor.text.length)
      : null;
  const ready =
    !tooLarge &&
    name !== "" &&
    !nameProblem &&
    editor.value !== undefined &&
    (errors === 0 || typedName === name);

  const create = () => {
    const text = editor.text;
    startTransition(async () => {
      const result = await createPool({
        name,
        type: poolTypeOfMode(modeOfPoolType(editor.poolType)),
        from: { template: text },
        ...(typedName ? { overrideErrors: typedName } : {}),
      }).catch((error: unknown) => ({
        ok: false as const,
        error: `Not sent: ${error instanceof Error ? error.message : String(error)}`,
      }));
      if (!result.ok) {
        setError(result.error);
        return;
      }
      editor.markSaved(text);
      router.push(`/pools/${encodeURIComponent(result.data.name)}`);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {errors > 0 ? (
        <Input
          aria-label="Type the pool name to create it despite errors"
          placeholder="type the name to create with errors"
          className="h-7 w-56 text-xs"
          value={typedName}
          onChange={(e) => setTypedName(e.target.value)}
        />
      ) : null}
      <Button
        type="button"
        size="sm"
        variant="primary"
        disabled={!ready || pending || !permission.allowed}
        title={permission.reason ?? undefined}
        onClick={create}
      >
        {pending ? "Creating…" : "Create pool"}
      </Button>
      <PushDisabledNote reason={permission.reason} />
      {error || tooLarge ? (
        <p role="alert" className="basis-full text-xs text-destructive">
          {error ?? tooLarge}
        </p>
      ) : null}
    </div>
  );
}
