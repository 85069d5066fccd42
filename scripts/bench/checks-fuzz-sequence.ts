/**
 * The editor's checking of fuzzed ~1 MB templates, timed: the generated large template
 * (./large-template.ts) with random edits (testing/fuzz.ts, fixed seed), each pasted over the open
 * document and checked as the editor checks it (components/template-editor/template-editor.tsx,
 * use-checks.ts). The text is parsed once, the mode shown is checked at once (its time includes
 * the parse) and the other mode when the browser is next idle, on the same parse. Before the first
 * paste, the open (unedited) template is checked in both modes, as the editor does after the page
 * loads. A person pastes at human speed: the first paste comes a second after the page's checks,
 * each next one 250 ms after the last check (untimed). Back to back, each paste's checks ran while
 * V8 was still compiling, on background threads, what the previous ones had made hot — on 2 cores,
 * at the main thread's expense (BENCHMARKS.md, "the 1 MB checks as the editor runs them").
 *
 * Pure: ./checks-fuzz.ts runs it in Node and, bundled, in Chromium (the editor's own engine).
 */
import fc from "fast-check";

import { parseJsonText, type ParsedJson } from "@/lib/checks";
import { checkParsed } from "@/lib/checks/run-checks";
import type { Mode } from "@/lib/template/types";
import { applyEdits, editsArb, FUZZ_SEED } from "@/testing/fuzz";

import { generateLargeTemplate } from "./large-template";

export const MAX_BYTES = 1024 * 1024;
/** the pool's mode (an ECS pool's), shown with its markers, and the one checked when idle */
export const SHOWN: Mode = "hybrid";
export const HIDDEN: Mode = "push";
const FIRST_PASTE_AFTER_MS = 1_000;
const BETWEEN_PASTES_MS = 250;

export interface SequenceTimes {
  /** per paste: the parse and the shown mode's check, ms */
  shown: number[];
  /** per paste: the hidden mode's check on the same parse, ms */
  hidden: number[];
  /** the largest pasted text */
  maxBytes: number;
}

/** The editor's sequence for one document: [parse + the shown mode's check, the hidden mode's]. */
function checkBothModes(text: string): [number, number] {
  const started = performance.now();
  const parsed: ParsedJson = parseJsonText(text);
  checkParsed(parsed, { mode: SHOWN });
  const shown = performance.now();
  checkParsed(parsed, { mode: HIDDEN });
  return [shown - started, performance.now() - shown];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks `runs` fuzzed templates of at most 1 MB as the editor does, and times each check. */
export async function editorSequence(runs: number): Promise<SequenceTimes> {
  const large = generateLargeTemplate(1_000_000);
  const texts = fc
    .sample(editsArb, { seed: FUZZ_SEED, numRuns: runs * 2 })
    .map((edits) => JSON.stringify(applyEdits(large, edits), null, 2))
    .filter((text) => text.length <= MAX_BYTES)
    .slice(0, runs);
  // the open document, checked in both modes after the page loads (not timed)
  checkBothModes(JSON.stringify(large, null, 2));
  await pause(FIRST_PASTE_AFTER_MS);
  const shown: number[] = [];
  const hidden: number[] = [];
  for (const [i, text] of texts.entries()) {
    if (i > 0) await pause(BETWEEN_PASTES_MS);
    const [a, b] = checkBothModes(text);
    shown.push(a);
    hidden.push(b);
  }
  return { shown, hidden, maxBytes: Math.max(...texts.map((t) => t.length)) };
}
