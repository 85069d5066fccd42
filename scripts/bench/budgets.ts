/**
 * The editor page's budgets: each figure of the pool page against Prefect's own edit page (medians
 * of the page runs, both apps in the same run) and of the route's JavaScript, with its budget and
 * PASS or MISS. Pure: tested in budgets.test.ts.
 */
import type { ReportRun } from "./page-report";
import { ROUTE_BUDGET_BYTES, type RouteJsResult } from "./route-js";
import { formatKB, formatMs, formatRatio, median, medianOf, percentile, textTable } from "./stats";

export interface BudgetRow {
  figure: string;
  measured: string;
  budget: string;
  verdict: "PASS" | "MISS" | "not measured";
}

/** Monaco's lazily loaded JavaScript on the route, gzip: every chunk of its groups, once. */
export function monacoLazyGzip(route: RouteJsResult): number {
  const chunks = new Map<string, number>();
  for (const group of route.lazy.filter((g) => g.monaco))
    for (const c of group.chunks) chunks.set(c.path, c.gzip);
  return chunks.size === 0 ? Number.NaN : [...chunks.values()].reduce((a, b) => a + b, 0);
}

function verdict(measured: number, limit: number): BudgetRow["verdict"] {
  if (!Number.isFinite(measured)) return "not measured";
  return measured <= limit ? "PASS" : "MISS";
}

/** The budget rows; figures whose part did not run (no page runs, no route) are "not measured". */
export function budgetRows(input: { runs?: ReportRun[]; route?: RouteJsResult }): BudgetRow[] {
  const runs = input.runs ?? [];
  const pooldeck = runs.filter((r) => r.app === "pooldeck");
  const prefect = runs.filter((r) => r.app === "prefect");
  const ratioRow = (figure: string, f: (r: ReportRun) => number | null, limit: number) => {
    const a = medianOf(pooldeck.map(f));
    const b = medianOf(prefect.map(f));
    const ratio = Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
    return {
      figure,
      measured: Number.isFinite(ratio)
        ? `${formatRatio(a, b)} Prefect (${formatMs(a)} / ${formatMs(b)})`
        : "n/a",
      budget: `≤ ${limit.toFixed(2)}× Prefect`,
      verdict: verdict(ratio, limit),
    };
  };
  const ttfb = medianOf(pooldeck.map((r) => r.cold.ttfbMs));
  // a run that never showed the error counts as slower than any budget
  const conflicts = pooldeck.map((r) => r.conflictMs ?? Number.POSITIVE_INFINITY);
  const conflictMedian = conflicts.length ? median(conflicts) : Number.NaN;
  const conflictP95 = conflicts.length ? percentile(conflicts, 95) : Number.NaN;
  const monaco = input.route ? monacoLazyGzip(input.route) : Number.NaN;
  const initial = input.route ? input.route.total.gzip : Number.NaN;
  const fixed = (
    figure: string,
    value: number,
    limit: number,
    fmt: (n: number) => string,
  ): BudgetRow => ({
    figure,
    measured: value === Number.POSITIVE_INFINITY ? "no error shown" : fmt(value),
    budget: `≤ ${fmt(limit)}`,
    verdict: value === Number.POSITIVE_INFINITY ? "MISS" : verdict(value, limit),
  });
  return [
    ratioRow("JSON editor can be edited, cold", (r) => r.cold.jsonMs, 0.75),
    fixed("Monaco's lazy chunks, gzip", monaco, 350_000, formatKB),
    ratioRow("form can be edited, cold", (r) => r.cold.formMs, 0.4),
    fixed("HTML first byte, pool page, cold", ttfb, 50, formatMs),
    fixed("change → conflict error painted, median", conflictMedian, 50, formatMs),
    fixed("change → conflict error painted, p95", conflictP95, 100, formatMs),
    fixed("route JS before Monaco, gzip", initial, ROUTE_BUDGET_BYTES, formatKB),
  ];
}

/** The budget table as text: figure, measured, budget, verdict. */
export function formatBudgets(input: { runs?: ReportRun[]; route?: RouteJsResult }): string {
  const rows = budgetRows(input);
  const runs = (input.runs ?? []).filter((r) => r.app === "pooldeck");
  const missing = runs.filter((r) => r.conflictMs === null).length;
  return [
    `Budgets (medians of ${runs.length} page runs per app, Pooldeck and Prefect's UI in the same run; the conflict`,
    "is timed from the keystroke's keydown, before the input event; p95 is the nearest-rank percentile):",
    textTable([
      ["figure", "measured", "budget", ""],
      ...rows.map((r) => [r.figure, r.measured, r.budget, r.verdict]),
    ]),
    ...(missing > 0
      ? [
          `(${missing} of ${runs.length} Pooldeck runs showed no conflict error; counted as too slow)`,
        ]
      : []),
  ].join("\n");
}
