import { describe, expect, it } from "vitest";
import { formatPageReport, type ReportRun } from "./page-report";

const bytes = (kb: number) => ({
  encoded: kb * 1000,
  transferred: kb * 1000 + 300,
  decoded: kb * 3000,
  count: 10,
});

function run(app: "pooldeck" | "prefect", formMs: number, conflictMs: number | null): ReportRun {
  const load = {
    formMs,
    jsonMs: formMs + 100,
    monacoMs: app === "pooldeck" ? formMs + 600 : null,
    scripts: bytes(app === "pooldeck" ? 250 : 1200),
    scriptsToJson: bytes(1300),
  };
  return {
    app,
    cold: load,
    warm: { ...load, formMs: formMs / 2 },
    conflictMs,
    conflictText: conflictMs === null ? null : "launchType and capacityProviderStrategy",
  };
}

const input = (runs: ReportRun[]) => ({
  chromium: "140.0.1",
  pool: "demo-ecs",
  urls: {
    pooldeck: "http://p/pools/demo-ecs",
    prefect: "http://q/work-pools/work-pool/demo-ecs/edit",
  },
  runs,
  conflictWaitMs: 5000,
});

describe("formatPageReport", () => {
  const runs = [
    run("pooldeck", 400, 20),
    run("prefect", 1000, null),
    run("pooldeck", 600, 30),
    run("prefect", 1400, null),
    run("pooldeck", 500, 25),
    run("prefect", 1200, null),
  ];
  const lines = formatPageReport(input(runs)).split("\n");

  it("prints medians per app with the Pooldeck / Prefect ratio", () => {
    expect(lines.find((l) => l.startsWith("form editable, cold"))?.split(/\s{2,}/)).toEqual([
      "form editable, cold",
      "500 ms",
      "1,200 ms",
      "0.42×",
    ]);
    expect(lines.find((l) => l.startsWith("JS before usable, cold"))?.split(/\s{2,}/)).toEqual([
      "JS before usable, cold (compressed)",
      "250.0 kB",
      "1,200.0 kB",
      "0.21×",
    ]);
  });

  it("prints Pooldeck's Monaco apart from the JSON editor's first editable moment", () => {
    expect(lines.find((l) => l.startsWith("JSON editor editable, cold"))?.split(/\s{2,}/)).toEqual([
      "JSON editor editable, cold",
      "600 ms",
      "1,300 ms",
      "0.46×",
    ]);
    expect(
      lines
        .find((l) => l.startsWith("  Monaco ready, cold"))
        ?.trim()
        .split(/\s{2,}/),
    ).toEqual(["Monaco ready, cold", "1,100 ms", "(no Monaco)"]);
    expect(lines).toContain(
      "   1 pooldeck form 400 ms, json 500 ms, Monaco 1,000 ms, JS 250.0 kB (10 files), warm form 200 ms, warm JS 250.3 kB, conflict 20.0 ms",
    );
  });

  it("reports Prefect's missing error as it is, and Pooldeck's latency as a median", () => {
    expect(lines.find((l) => l.startsWith("conflict keystroke"))?.split(/\s{2,}/)).toEqual([
      "conflict keystroke → error visible",
      "25.0 ms",
      "no error shown within 5 s",
    ]);
  });

  it("counts runs where Pooldeck showed no error", () => {
    const partial = formatPageReport(
      input([run("pooldeck", 400, 20), run("pooldeck", 400, null), run("prefect", 900, null)]),
    );
    expect(partial).toContain("20.0 ms (1/2 runs)");
  });
});
