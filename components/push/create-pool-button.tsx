"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { usePushPermission } from "@/components/auth/operator-context";
import { PushDisabledNote } from "@/components/auth/sign-in-again";
import { Button } from "@/components/ui/button";
import { useTemplateEditorState } from "@/components/template-editor/editor-context";
import { createPool } from "@/lib/actions/create-pool";
import { documentTooLarge, MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import { validateWorkPoolName } from "@/lib/prefect/names";
import { modeOfPoolType, poolTypeOfMode } from "@/lib/template/pool-type";
import { TypedNameOverride, usePushFlow } from "./push-flow";

/** "Create pool" in the new-pool editor's toolbar: sends the edited template; errors need the typed name. */
export function CreatePoolButton() {
  const editor = useTemplateEditorState();
  const router = useRouter();
  const permission = usePushPermission();
  const [error, setError] = useState<string | null>(null);
  const name = editor.poolName;
  const nameProblem = name ? validateWorkPoolName(name) : null;
  const errors = editor.diagnostics.filter((d) => d.severity === "error").length;
  const flow = usePushFlow(name, errors > 0);
  const tooLarge =
    editor.text.length > MAX_DOCUMENT_CHARS
      ? documentTooLarge("template", editor.text.length)
      : null;
  const ready = !tooLarge && name !== "" && !nameProblem && editor.value !== undefined && flow.ok;

  const create = () => {
    const text = editor.text;
    flow.send(
      (override) =>
        createPool({
          name,
          type: poolTypeOfMode(modeOfPoolType(editor.poolType)),
          from: { template: text },
          ...override,
        }),
      (result) => {
        if (!result.ok) {
          setError(result.error);
          return;
        }
        editor.markSaved(text);
        router.push(`/pools/${encodeURIComponent(result.data.name)}`);
      },
    );
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <TypedNameOverride
        flow={flow}
        id="create-override"
        label="Type the pool name to create it despite errors"
        compact={{ placeholder: "type the name to create with errors" }}
      />
      <Button
        type="button"
        size="sm"
        variant="primary"
        disabled={!ready || flow.pending || !permission.allowed}
        title={permission.reason ?? undefined}
        onClick={create}
      >
        {flow.pending ? "Creating…" : "Create pool"}
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
