"use client";

/**
 * Runs lib/checks on the text, throttled. The whole catalog takes a few milliseconds on a warm
 * engine (measured in the browser, see `ms`), so a short throttle on the main thread keeps typing
 * smooth without the cost of shipping the document to a worker.
 *
 * The engine (lib/checks with Ajv, ~65 kB compressed) is loaded after the page is interactive, not
 * with it: pages hydrate with the server's first result (`initial`), and the browser's first run
 * (which also pays for Ajv compiling the JSON Schema meta-schema) waits for an idle moment
 * (BENCHMARKS.md, form editable).
 */
import { useEffect, useRef, useState } from "react";
import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import type * as RunChecks from "@/lib/checks/run-checks";
import type { CheckResult, ServerCheckResult } from "@/lib/checks/run-checks";
import type { EditorDocument } from "@/lib/template/editing/editor-document";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { Mode } from "@/lib/template/types";
import { whenIdle } from "@/lib/browser/when-idle";
import { errorMessage } from "@/lib/template/error-message";

type Engine = typeof RunChecks;
let engine: Engine | undefined;
let loadingEngine: Promise<Engine> | undefined;

/** The check engine, loaded once per page; a failed load is tried again on the next run. */
function loadCheckEngine(): Promise<Engine> {
  loadingEngine ??= import("@/lib/checks/run-checks").then(
    (m) => (engine = m),
    (error: unknown) => {
      loadingEngine = undefined;
      throw error;
    },
  );
  return loadingEngine;
}

export const CHECK_DEBOUNCE_MS = 60;
/** an idle run waits at most this long for an idle moment (a page busy for seconds still checks) */
const IDLE_TIMEOUT_MS = 2_000;

export type { ServerCheckResult } from "@/lib/checks/run-checks";

export interface TimedCheckResult extends CheckResult {
  /** how long the checks took in this browser, in milliseconds; null for the server-rendered result */
  ms: number | null;
  /** the text the result belongs to */
  text: string;
  /** no result yet: the first run was deferred until after hydration */
  pending?: true;
  /** the server's result (no `plan`) until the browser's first run */
  fromServer?: true;
  /** the engine could not be loaded (offline, a new deployment of Pooldeck): why, in a sentence */
  engineError?: string;
}

export interface UseChecksOptions {
  /** the most often the checks run while typing (a trailing run always follows); default 60 ms */
  debounceMs?: number;
  /** no first result during render: `pending` until just after hydration (also without `initial`
   * while the engine is not loaded yet) */
  deferFirst?: boolean;
  /**
   * The server's result for the first render's text, mode and no snapshot: the page hydrates with it
   * instead of running the engine, and the browser's first run waits for an idle moment.
   */
  initial?: ServerCheckResult | undefined;
  /** each run also waits for the browser's next idle moment (the checks of the mode not shown, so
   * they never take time from a keystroke or the shown mode's markers); default false */
  idle?: boolean;
  /** the pool's limit on runs starting at once; ecs/burst-exceeds-capacity sizes a burst by it */
  concurrencyLimit?: number | null;
  /**
   * While true, the browser's first run over the server's result waits: it only adds the plan and
   * warms the engine up, and loading the engine (~50 ms of script) would delay more urgent work,
   * such as creating the JSON editor. A changed document is checked at once all the same.
   */
  holdWarmUp?: boolean;
}

/** The checks' view of the editor's document: its text, parsed once by the editor. */
export type CheckedDocument = Pick<EditorDocument, "text" | "parsed">;

interface CheckInputs {
  document: CheckedDocument;
  mode: Mode;
  snapshot: ClusterSnapshot | undefined;
  concurrencyLimit: number | null;
}

function sameInputs(a: CheckInputs | null, b: CheckInputs): boolean {
  return (
    a !== null &&
    a.document === b.document &&
    a.mode === b.mode &&
    a.snapshot === b.snapshot &&
    a.concurrencyLimit === b.concurrencyLimit
  );
}

function run(
  { checkParsed }: Engine,
  { document: { text, parsed }, mode, snapshot, concurrencyLimit }: CheckInputs,
  timed: boolean,
): TimedCheckResult {
  // over the limit the editor says so instead; checking 5 MB on every keystroke would stall typing
  if (text.length > MAX_DOCUMENT_CHARS) return { diagnostics: [], skipped: [], ms: null, text };
  const start = performance.now();
  const result = checkParsed(parsed, {
    mode,
    concurrency: { pool: concurrencyLimit },
    ...(snapshot ? { snapshot } : {}),
  });
  // the first result renders on the server too; a time there would not match the client's
  return { ...result, ms: timed ? performance.now() - start : null, text };
}

/**
 * The latest check result for the document (the editor's parse of its text; not parsed again
 * here). The first one is, in order of preference: the server's
 * (`initial`); `pending` (`deferFirst`, or the engine is not loaded yet: always on the server and
 * at hydration); or computed during render (the engine is loaded: a client-side navigation).
 */
export function useChecks(
  document: CheckedDocument,
  mode: Mode,
  snapshot: ClusterSnapshot | undefined,
  options: UseChecksOptions = {},
): TimedCheckResult {
  const {
    debounceMs = CHECK_DEBOUNCE_MS,
    deferFirst = false,
    initial,
    idle = false,
    concurrencyLimit = null,
    holdWarmUp = false,
  } = options;
  const { text } = document;
  const [result, setResult] = useState<TimedCheckResult>(() => {
    if (initial) return { ...initial, ms: null, text, fromServer: true };
    // the engine is never loaded on the server, nor in the browser before hydration
    if (deferFirst || !engine)
      return { diagnostics: [], skipped: [], ms: null, text: "", pending: true };
    return run(engine, { document, mode, snapshot, concurrencyLimit }, false);
  });
  // the inputs `result` is for (the server's, when it gave one); a newer document is not checked yet
  const inputs: CheckInputs = { document, mode, snapshot, concurrencyLimit };
  const [checked, setChecked] = useState<CheckInputs | null>(() => (initial ? inputs : null));
  // the throttle: whether this hook has not run in the last `debounceMs` (a new object per run,
  // so that its timer restarts even when a run follows the throttle's opening in the same render)
  const [throttle, setThrottle] = useState({ quiet: true });
  // what the server's result was computed for; only the first effect may find them unchanged
  const serverInputs = useRef(initial ? { text, mode, snapshot } : null);
  const lastRun = useRef(0);
  const upToDate = sameInputs(checked, inputs);
  // An isolated edit is checked during the render it causes (React's "state from the previous
  // render" pattern), so its result is committed and painted with the text itself: no effect,
  // timer, second render and frame between a keystroke and its markers and panel (BENCHMARKS.md,
  // conflict paint). While typing is faster than `debounceMs`, the edits wait until the throttle is
  // quiet again, and the render that follows checks the last text.
  if (!upToDate && !idle && engine && throttle.quiet) {
    setChecked(inputs);
    setThrottle({ quiet: false });
    setResult(run(engine, inputs, true));
  }
  useEffect(() => {
    if (throttle.quiet) return;
    const timer = setTimeout(() => setThrottle({ quiet: true }), debounceMs);
    return () => clearTimeout(timer);
  }, [throttle, debounceMs]);
  useEffect(() => {
    let cancelled = false;
    const check = () => {
      const go = (e: Engine) => {
        lastRun.current = performance.now();
        const now = { document, mode, snapshot, concurrencyLimit };
        setChecked(now);
        setResult(run(e, now, true));
      };
      if (engine) go(engine);
      else
        loadCheckEngine().then(
          (e) => {
            if (!cancelled) go(e);
          },
          (error: unknown) => {
            if (cancelled) return;
            // keep what is on screen, and say that it is no longer checked
            setResult((r) => ({
              ...r,
              engineError: `The checks could not be loaded (${errorMessage(error)}); they run again with your next edit, or reload the page.`,
            }));
          },
        );
    };
    const server = serverInputs.current;
    if (server && server.text === text && server.mode === mode && server.snapshot === snapshot) {
      // the result on screen is right; the run only adds the plan and warms the engine up (this
      // effect runs again when the hold ends)
      if (holdWarmUp) return;
      serverInputs.current = null;
      const cancel = whenIdle(check, 2_000);
      return () => {
        cancelled = true;
        cancel();
      };
    }
    serverInputs.current = null;
    // checked during render once the engine is loaded (above)
    if (upToDate || (!idle && engine)) return;
    // the engine's first load, or the hidden mode: throttled with a trailing run (at most every
    // `debounceMs`, and the last text is always checked), the hidden mode when the browser is idle
    const wait = Math.max(0, lastRun.current + debounceMs - performance.now());
    let cancelIdle: (() => void) | undefined;
    const timer = setTimeout(() => {
      if (idle) cancelIdle = whenIdle(check, IDLE_TIMEOUT_MS);
      else check();
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      cancelIdle?.();
    };
  }, [document, text, mode, snapshot, concurrencyLimit, debounceMs, idle, upToDate, holdWarmUp]);
  return result;
}
