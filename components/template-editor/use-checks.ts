"use client";

/**
 * Runs lib/checks on the text, throttled. The whole catalog takes a few milliseconds on a
 * template (measured in the browser, see `ms`), so a short debounce on the main thread keeps
 * typing smooth without the cost of shipping the document to a worker.
 */
import { useEffect, useRef, useState } from "react";
import { MAX_DOCUMENT_CHARS } from "@/lib/actions/types";
import { checkText, type CheckResult } from "@/lib/checks";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { Mode } from "@/lib/template/types";

export const CHECK_DEBOUNCE_MS = 60;

export interface TimedCheckResult extends CheckResult {
  /** how long the checks took in this browser, in milliseconds; null for the server-rendered result */
  ms: number | null;
  /** the text the result belongs to */
  text: string;
  /** no result yet: the first run was deferred until after hydration */
  pending?: true;
}

function run(
  text: string,
  mode: Mode,
  snapshot: ClusterSnapshot | undefined,
  timed: boolean,
): TimedCheckResult {
  // over the limit the editor says so instead; checking 5 MB on every keystroke would stall typing
  if (text.length > MAX_DOCUMENT_CHARS) return { diagnostics: [], skipped: [], ms: null, text };
  const start = performance.now();
  const result = checkText(text, { mode, ...(snapshot ? { snapshot } : {}) });
  // the first result renders on the server too; a time there would not match the client's
  return { ...result, ms: timed ? performance.now() - start : null, text };
}

/**
 * The latest check result for `text`. The first one is computed during render (also on the
 * server), unless `deferFirst`: then it is `pending` until just after hydration, which keeps a
 * result nobody needs for the first paint off the critical path (BENCHMARKS.md, form editable).
 */
export function useChecks(
  text: string,
  mode: Mode,
  snapshot: ClusterSnapshot | undefined,
  debounceMs: number = CHECK_DEBOUNCE_MS,
  deferFirst = false,
): TimedCheckResult {
  const [result, setResult] = useState<TimedCheckResult>(() =>
    deferFirst
      ? { diagnostics: [], skipped: [], ms: null, text: "", pending: true }
      : run(text, mode, snapshot, false),
  );
  const lastRun = useRef(0);
  useEffect(() => {
    // throttle with a trailing run: an isolated keystroke is checked at once, fast typing at most
    // every `debounceMs`, and the last text is always checked
    const wait = Math.max(0, lastRun.current + debounceMs - performance.now());
    const timer = setTimeout(() => {
      lastRun.current = performance.now();
      setResult(run(text, mode, snapshot, true));
    }, wait);
    return () => clearTimeout(timer);
  }, [text, mode, snapshot, debounceMs]);
  return result;
}
