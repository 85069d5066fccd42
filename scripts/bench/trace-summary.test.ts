import { describe, expect, it } from "vitest";
import { formatKeystrokeSummary, summarizeKeystroke, type TraceEvent } from "./trace-summary";

const main = { pid: 7, tid: 1 };
const x = (name: string, ts: number, dur: number, args?: TraceEvent["args"]): TraceEvent => ({
  name,
  ph: "X",
  ts,
  dur,
  ...main,
  ...(args ? { args } : {}),
});

// a keystroke at 1,000,000 µs: the keydown task (Monaco's handler), then a timer that runs the
// checks and React, then the frame (style, layout, paint); a task on another thread is left out
const events: TraceEvent[] = [
  { name: "thread_name", ph: "M", ts: 0, ...main, args: { name: "CrRendererMain" } },
  x("RunTask", 1_000_000, 6_000),
  x("EventDispatch", 1_000_500, 5_000, { data: { type: "keydown" } }),
  x("FunctionCall", 1_001_000, 4_000, { data: { url: "http://h/_next/static/chunks/m.js" } }),
  x("RunTask", 1_010_000, 14_000),
  x("TimerFire", 1_010_000, 14_000),
  x("FunctionCall", 1_010_000, 13_000, { data: { url: "http://h/_next/static/chunks/app.js" } }),
  x("MinorGC", 1_012_000, 1_000),
  x("RunTask", 1_030_000, 3_000),
  x("UpdateLayoutTree", 1_030_000, 1_000),
  x("Layout", 1_031_000, 1_500),
  x("Paint", 1_032_500, 500),
  x("RunTask", 1_200_000, 9_000),
  { ...x("RunTask", 1_005_000, 50_000), tid: 2 },
];

describe("summarizeKeystroke", () => {
  it("gives the main thread's tasks from the keydown until the window's end, with self times", () => {
    const summary = summarizeKeystroke(events, 40)!;
    expect(summary.tasks.map((t) => [t.startMs, t.durMs])).toEqual([
      [-0.5, 6],
      [9.5, 14],
      [29.5, 3],
    ]);
    expect(summary.selfMs).toEqual({
      "EventDispatch keydown": 1,
      "FunctionCall m.js": 4,
      "FunctionCall app.js": 12,
      TimerFire: 1,
      MinorGC: 1,
      UpdateLayoutTree: 1,
      Layout: 1.5,
      Paint: 0.5,
    });
    const text = formatKeystrokeSummary(summary, 40);
    expect(text.split("\n")[0]).toBe(
      "Main thread from the keydown to the painted error (40.0 ms): 3 tasks, 23.0 ms busy",
    );
    expect(text).toContain(
      "  +9.5 ms  14.0 ms  FunctionCall app.js 12.0, TimerFire 1.0, MinorGC 1.0",
    );
  });

  it("is undefined for a trace without a keydown", () => {
    expect(
      summarizeKeystroke(
        events.filter((e) => e.name !== "EventDispatch"),
        40,
      ),
    ).toBeUndefined();
  });
});
