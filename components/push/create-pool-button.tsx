"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTemplateEditorState } from "@/components/template-editor/editor-context";
import { createPool } from "@/lib/actions/create-pool";
import { validateWorkPoolName } from "@/lib/prefect/names";

/** "Create pool" in the new-pool editor's toolbar: sends the edited template; errors need the typed name. */
export function CreatePoolButton() {
  const editor = useTemplateEditorState();
  const router = useRouter();
  const [typedName, setTypedName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = editor.poolName;
  const nameProblem = name ? validateWorkPoolName(name) : null;
  const errors = editor.diagnostics.filter((d) => d.severity === "error").length;
  const ready =
    name !== "" &&
    !nameProblem &&
    editor.value !== undefined &&
    (errors === 0 || typedName === name);

  const create = () => {
    const text = editor.text;
    startTransition(async () => {
      const result = await createPool({
        name,
        type: editor.poolType === "ecs:push" ? "ecs:push" : "ecs",
        from: { template: text },
        ...(typedName ? { overrideErrors: typedName } : {}),
      });
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
        disabled={!ready || pending}
        onClick={create}
      >
        {pending ? "Creating…" : "Create pool"}
      </Button>
      {error ? (
        <p role="alert" className="basis-full text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
