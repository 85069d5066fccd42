"use client";

import { useCallback, useEffect, useState } from "react";
import { draftKey, readDraft, textHash, writeDraft, type Draft } from "./drafts";
import type { TemplateDocument } from "./use-template-document";

export interface DraftState {
  /** the draft that was restored on load, until discarded or saved */
  restored: Draft | null;
  /** the pool's template changed in Prefect since the restored draft was started */
  baseChanged: boolean;
  /** the browser refused to store the current text (too large for localStorage) */
  notStored: boolean;
  /** back to the pool's text (undoable in Monaco) and forget the draft */
  discard(): void;
  /** forget the draft (after a push) */
  clear(): void;
}

/** Keeps unsaved text in localStorage, restores it on load, and asks before leaving with changes. */
export function useDraft({
  serverKey,
  pool,
  doc,
}: {
  serverKey: string;
  pool: string;
  doc: TemplateDocument;
}): DraftState {
  const key = draftKey(serverKey, pool);
  const [restored, setRestored] = useState<Draft | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [notStored, setNotStored] = useState(false);
  const { replaceText, originalText, text, dirty } = doc;

  useEffect(() => {
    // localStorage exists only in the browser; reading it during render would break hydration,
    // so the restored draft arrives one render after hydration, by design
    /* eslint-disable react-hooks/set-state-in-effect */
    const draft = readDraft(window.localStorage, key);
    if (draft && draft.text !== originalText) {
      replaceText(draft.text);
      setRestored(draft);
    }
    setLoaded(true);
    /* eslint-enable react-hooks/set-state-in-effect */
    // restore once per pool, not whenever the text changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the outcome of the write is only known here
    if (loaded) setNotStored(!writeDraft(window.localStorage, key, text, originalText));
  }, [loaded, key, text, originalText]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers show the prompt only when returnValue is set
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  const clear = useCallback(() => {
    window.localStorage.removeItem(key);
    setRestored(null);
  }, [key]);
  const discard = useCallback(() => {
    replaceText(originalText);
    clear();
  }, [replaceText, originalText, clear]);

  return {
    restored,
    baseChanged: Boolean(restored && restored.baseHash !== textHash(originalText)),
    notStored,
    discard,
    clear,
  };
}
