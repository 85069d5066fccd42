import { describe, expect, it } from "vitest";
import { budgetRows, formatBudgets, monacoLazyGzip } from "./budgets";
import type { ReportRun } from "./page-report";
import type { RouteJsResult } from "./route-js";

const scripts = { encoded: 1000, transferred: 1000, decoded: 3000, count: 5 };

function run(
  app: "pooldeck" | "prefect",
  ms: { form: number; json: number; ttfb: number; conflict: number | null },
): ReportRun {
  const cold = {
    ttfbMs: ms.ttfb,
    formMs: ms.form,
    jsonMs: ms.json,
    scripts,
    scriptsToJson: scripts,
  };
  return {
    app,
    cold,
    warm: cold,
    conflictMs: ms.conflict,
    conflictText: ms.conflict === null ? null : "launchType",
  };
}

const chunk = (path: string, gzip: number) => ({ path, raw: gzip * 3, gzip, brotli: gzip });

const route: RouteJsResult = {
  route: "/pools/[name]",
  chunks: { initial: [], lazyGroups: [], monacoInInitial: [] },
  initial: [chunk("static/chunks/a.js", 100_000), chunk("static/chunks/b.js", 60_000)],
  lazy: [
    { monaco: false, chunks: [chunk("static/chunks/c.js", 9_000)] },
    {
      monaco: true,
      chunks: [chunk("static/chunks/m1.js", 200_000), chunk("static/chunks/m2.js", 100_000)],
    },
    // the diff editor's group shares Monaco's chunks: counted once
    {
      monaco: true,
      chunks: [chunk("static/chunks/d.js", 5_000), chunk("static/chunks/m2.js", 100_000)],
    },
  ],
  total: { raw: 480_000, gzip: 160_000, brotli: 150_000 },
};

const runs = [
  run("pooldeck", { form: 400, json: 1500, ttfb: 40, conflict: 30 }),
  run("prefect", { form: 1000, json: 2500, ttfb: 20, conflict: null }),
  run("pooldeck", { form: 500, json: 1800, ttfb: 60, conflict: 45 }),
  run("prefect", { form: 1100, json: 2400, ttfb: 25, conflict: null }),
  run("pooldeck", { form: 450, json: 2000, ttfb: 45, conflict: 120 }),
  run("prefect", { form: 1200, json: 2600, ttfb: 22, conflict: null }),
];

describe("budgetRows", () => {
  it("sums every Monaco chunk of the route once", () => {
    expect(monacoLazyGzip(route)).toBe(305_000);
  });

  it("gives each figure of the budget table with its budget and PASS or MISS", () => {
    expect(budgetRows({ runs, route })).toEqual([
      {
        figure: "JSON editor can be edited, cold",
        measured: "0.72× Prefect (1,800 ms / 2,500 ms)",
        budget: "≤ 0.75× Prefect",
        verdict: "PASS",
      },
      {
        figure: "Monaco's lazy chunks, gzip",
        measured: "305.0 kB",
        budget: "≤ 350.0 kB",
        verdict: "PASS",
      },
      {
        figure: "form can be edited, cold",
        measured: "0.41× Prefect (450 ms / 1,100 ms)",
        budget: "≤ 0.40× Prefect",
        verdict: "MISS",
      },
      {
        figure: "HTML first byte, pool page, cold",
        measured: "45.0 ms",
        budget: "≤ 50.0 ms",
        verdict: "PASS",
      },
      {
        figure: "change → conflict error painted, median",
        measured: "45.0 ms",
        budget: "≤ 50.0 ms",
        verdict: "PASS",
      },
      {
        figure: "change → conflict error painted, p95",
        measured: "120 ms",
        budget: "≤ 100 ms",
        verdict: "MISS",
      },
      {
        figure: "route JS before Monaco, gzip",
        measured: "160.0 kB",
        budget: "≤ 166.0 kB",
        verdict: "PASS",
      },
    ]);
  });

  it("counts a run that never showed the conflict error as a miss", () => {
    const none = [
      run("pooldeck", { form: 400, json: 1500, ttfb: 40, conflict: null }),
      run("prefect", { form: 1000, json: 2500, ttfb: 20, conflict: null }),
    ];
    const conflict = budgetRows({ runs: none }).filter((r) => r.figure.startsWith("change"));
    expect(conflict.map((r) => [r.measured, r.verdict])).toEqual([
      ["no error shown", "MISS"],
      ["no error shown", "MISS"],
    ]);
    expect(formatBudgets({ runs: none })).toContain(
      "(1 of 1 Pooldeck runs showed no conflict error; counted as too slow)",
    );
  });

  it("says which figures were not measured when a part did not run", () => {
    const rows = budgetRows({ route });
    expect(rows.filter((r) => r.verdict === "not measured").map((r) => r.figure)).toEqual([
      "JSON editor can be edited, cold",
      "form can be edited, cold",
      "HTML first byte, pool page, cold",
      "change → conflict error painted, median",
      "change → conflict error painted, p95",
    ]);
  });
});
