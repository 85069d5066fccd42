/**
 * The page figures as text for BENCHMARKS.md: definitions, a Pooldeck / Prefect table of medians
 * with ratios, and every run's raw values (the budgets are budgets.ts's table). Pure: tested in page-report.test.ts.
 */
import type { BenchApp } from "./page-probe";
import { formatKB, formatMs, formatRatio, medianOf, textTable } from "./stats";

/** The subset of a page run the report needs (pages.ts's PageRun has the same shape). */
export interface ReportRun {
  app: BenchApp;
  cold: LoadRow;
  warm: LoadRow;
  conflictMs: number | null;
  conflictText: string | null;
}
interface LoadRow {
  ttfbMs?: number | null;
  dclMs?: number | null;
  formMs: number | null;
  jsonMs: number | null;
  monacoMs?: number | null;
  scripts: { encoded: number; transferred: number; decoded: number; count: number };
  scriptsToJson: { encoded: number; transferred: number; decoded: number; count: number };
}

export const DEFINITIONS = [
  "Definitions (marks taken inside the page, ms since navigation start):",
  "- usable / form editable: the template form's Cluster field (the pool's `cluster` default) can take input:",
  "  in the DOM, laid out, not disabled, and its framework handler attached (Pooldeck: hydrated by React;",
  "  Prefect's UI: Vue listeners bound, in the Base Job Template > Defaults form).",
  "- JSON editor editable: a text area holding the template takes input. Pooldeck: the editor pane's plain-",
  '  text stage, hydrated (after the form), or Monaco if it is first; Prefect\'s UI: its "Advanced" tab,',
  "  clicked by the probe as soon as it is bound, shows its code textarea with the template.",
  "- Monaco ready (Pooldeck only): Monaco has its input element (EditContext textbox) and has rendered the",
  "  document; it takes over from the plain text with the text, selection and focus.",
  "- JavaScript before usable: encodedBodySize (compressed, as sent) of .js responses that ended before",
  "  `usable` (Resource Timing). Inline scripts in the HTML (Next's RSC payload) are not counted.",
  "- conflict: keydown of the keystroke that completes `capacityProviderStrategy` next to `launchType` in",
  "  task_run_request (same edit in both JSON editors) → first animation frame after the error is in the",
  "  DOM and laid out (Pooldeck: the editor's checks panel entry of ecs/launch-type-and-capacity-provider-",
  "  strategy; Prefect's UI: any new alert, error or invalid-marked element, or text naming launchType or",
  "  capacityProvider outside the code editor).",
];

const pick = (runs: ReportRun[], app: BenchApp, f: (r: ReportRun) => number | null | undefined) =>
  medianOf(runs.filter((r) => r.app === app).map(f));

function conflictCell(runs: ReportRun[], app: BenchApp, waitMs: number): string {
  const mine = runs.filter((r) => r.app === app);
  const shown = mine.filter((r) => r.conflictMs !== null);
  if (shown.length === 0) return `no error shown within ${(waitMs / 1000).toFixed(0)} s`;
  const med = formatMs(medianOf(shown.map((r) => r.conflictMs)));
  return shown.length === mine.length ? med : `${med} (${shown.length}/${mine.length} runs)`;
}

/** The page figures block: medians per app with ratios, and every run. */
export function formatPageReport(input: {
  chromium: string;
  pool: string;
  urls: Record<BenchApp, string>;
  runs: ReportRun[];
  conflictWaitMs: number;
}): string {
  const { runs } = input;
  const n = runs.filter((r) => r.app === "pooldeck").length;
  const row = (label: string, f: (r: ReportRun) => number | null, fmt: (v: number) => string) => {
    const a = pick(runs, "pooldeck", f);
    const b = pick(runs, "prefect", f);
    return [label, fmt(a), fmt(b), formatRatio(a, b)];
  };
  const table = textTable([
    ["median of " + n + " runs each", "Pooldeck", "Prefect UI", "Pooldeck / Prefect"],
    row("JS before usable, cold (compressed)", (r) => r.cold.scripts.encoded, formatKB),
    row("  same, decompressed", (r) => r.cold.scripts.decoded, formatKB),
    row(
      "  script files",
      (r) => r.cold.scripts.count,
      (v) => v.toFixed(0),
    ),
    row("  HTML first byte, cold", (r) => r.cold.ttfbMs ?? null, formatMs),
    row("  DOMContentLoaded, cold", (r) => r.cold.dclMs ?? null, formatMs),
    row("form editable, cold", (r) => r.cold.formMs, formatMs),
    row("JSON editor editable, cold", (r) => r.cold.jsonMs, formatMs),
    [
      "  Monaco ready, cold",
      formatMs(pick(runs, "pooldeck", (r) => r.cold.monacoMs)),
      "(no Monaco)",
      "",
    ],
    row("JS until JSON editor, cold (compressed)", (r) => r.cold.scriptsToJson.encoded, formatKB),
    row("form editable, warm (reload)", (r) => r.warm.formMs, formatMs),
    row("JSON editor editable, warm", (r) => r.warm.jsonMs, formatMs),
    row("JS transferred before usable, warm", (r) => r.warm.scripts.transferred, formatKB),
    [
      "conflict keystroke → error visible",
      conflictCell(runs, "pooldeck", input.conflictWaitMs),
      conflictCell(runs, "prefect", input.conflictWaitMs),
      "",
    ],
  ]);
  const perRun = runs.map(
    (r, i) =>
      `  ${String(Math.floor(i / 2) + 1).padStart(2)} ${r.app.padEnd(8)} form ${formatMs(r.cold.formMs ?? NaN)}, json ${formatMs(r.cold.jsonMs ?? NaN)}${r.app === "pooldeck" ? `, Monaco ${formatMs(r.cold.monacoMs ?? NaN)}` : ""}, JS ${formatKB(r.cold.scripts.encoded)} (${r.cold.scripts.count} files), warm form ${formatMs(r.warm.formMs ?? NaN)}, warm JS ${formatKB(r.warm.scripts.transferred)}, conflict ${r.conflictMs === null ? "none" : formatMs(r.conflictMs)}`,
  );
  return [
    `Chromium ${input.chromium}, pool ${input.pool}; runs alternate Pooldeck / Prefect UI, each in a fresh browser`,
    "context (cold cache); warm = a reload in the same context 2 s after the cold load's marks (so neither",
    "page's work after it is ready, such as Pooldeck's deferred sections, overlaps the reload). First,",
    "unmeasured: 20 requests of each page (so neither server runs its first, unoptimized requests in the",
    "figures) and one browser round; every measured run starts after 2 s without load.",
    `Pooldeck:   ${input.urls.pooldeck}`,
    `Prefect UI: ${input.urls.prefect}`,
    ...DEFINITIONS,
    "",
    table,
    "",
    "Every run (cold, then warm reload, then the conflict edit):",
    ...perRun,
  ].join("\n");
}
