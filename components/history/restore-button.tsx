"use client";

/**
 * "Restore": puts an earlier template into the pool editor as its draft (the same localStorage
 * draft the editor keeps for unsaved edits) and opens the editor. Nothing is written to Prefect
 * here: the user pushes the draft with "Update pool", through its diff, checks and conflict
 * detection, like any edit.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { draftKey, readDraft, writeDraft } from "@/components/template-editor/drafts";

export interface RestoreButtonProps {
  serverKey: string;
  poolName: string;
  entryId: number;
  /** which side of the entry: "after" (this version) or "before" (the version it replaced) */
  side: "after" | "before";
  /** the template to restore, as the editor shows it */
  text: string;
  /** the pool's template now, as the editor shows it */
  currentText: string;
  label: string;
}

/** The button, with a second step when it would replace an unsaved draft. */
export function RestoreButton(props: RestoreButtonProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const key = draftKey(props.serverKey, props.poolName);

  if (props.text === props.currentText) {
    return (
      <span className="text-xs text-muted-foreground">
        {props.side === "after" ? "This version" : "The version before"} is the pool&apos;s current
        template.
      </span>
    );
  }
  const restore = () => {
    writeDraft(window.localStorage, key, props.text, props.currentText);
    const query = new URLSearchParams({ restored: String(props.entryId), side: props.side });
    router.push(`/pools/${encodeURIComponent(props.poolName)}?${query.toString()}`);
  };
  const start = () => {
    const draft = readDraft(window.localStorage, key);
    if (draft && draft.text !== props.currentText && draft.text !== props.text) setConfirming(true);
    else restore();
  };
  if (confirming) {
    return (
      <span className="flex flex-wrap items-center gap-2 text-xs">
        <span className="text-warning">
          You have an unsaved draft of this pool in this browser; restoring replaces it.
        </span>
        <Button type="button" size="sm" variant="destructive" onClick={restore}>
          Replace my draft
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </span>
    );
  }
  return (
    <Button type="button" size="sm" onClick={start}>
      {props.label}
    </Button>
  );
}
