"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DraftState } from "./use-draft";

/** Says a draft was restored (and whether the pool changed since), with "Discard draft". */
export function DraftBanner({ draft, dirty }: { draft: DraftState; dirty: boolean }) {
  if (!draft.restored && !dirty) return null;
  const when = draft.restored ? new Date(draft.restored.savedAt).toLocaleString() : null;
  if (dirty && draft.notStored) {
    return (
      <Alert tone="warning" title="Unsaved changes — too large to keep as a draft in this browser">
        The browser refused to store this text, so a reload or a crash loses it (an earlier draft
        that fit is kept). Push it, or make it smaller.
      </Alert>
    );
  }
  return (
    <Alert
      tone={draft.baseChanged ? "warning" : "info"}
      title={
        draft.restored
          ? `Restored your unsaved draft from ${when}`
          : "Unsaved changes — kept as a draft in this browser"
      }
    >
      <div className="flex flex-wrap items-center gap-3">
        <span>
          {draft.baseChanged
            ? "The pool's template changed in Prefect since this draft was started; compare before pushing."
            : "Drafts survive reloads and crashes until you push or discard them."}
        </span>
        <Button type="button" size="sm" onClick={draft.discard}>
          Discard draft
        </Button>
      </div>
    </Alert>
  );
}
