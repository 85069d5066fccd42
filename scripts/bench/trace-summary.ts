/**
 * Where the main thread's time goes between a keystroke and the frame that shows its result, from
 * a Chromium performance trace (CDP Tracing, categories "devtools.timeline" and "toplevel"): the
 * renderer main thread's top-level tasks in the window, each with what ran in it (self times by
 * event name: FunctionCall is JavaScript, Layout, UpdateLayoutTree is style, Paint, GC, …).
 * Pure: tested in trace-summary.test.ts with a hand-made trace.
 */
import { formatMs, textTable } from "./stats";

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; url?: string; functionName?: string } };
}

const TOP_LEVEL = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

/** The renderer main thread: the one the "CrRendererMain" thread-name metadata names. */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const meta = events.filter((e) => e.ph === "M" && e.args?.name === "CrRendererMain");
  // the page's renderer is the one that dispatched the keystroke
  for (const m of meta)
    if (events.some((e) => e.pid === m.pid && e.tid === m.tid && e.name === "EventDispatch"))
      return { pid: m.pid, tid: m.tid };
  return meta[0] ? { pid: meta[0].pid, tid: meta[0].tid } : undefined;
}

export interface TaskSummary {
  /** ms after the keydown began */
  startMs: number;
  durMs: number;
  /** self time in ms by event name (with the event type or script file where the trace says) */
  selfMs: Record<string, number>;
}

function label(e: TraceEvent): string {
  const type = e.args?.data?.type;
  if (e.name === "EventDispatch" && type) return `EventDispatch ${type}`;
  const url = e.args?.data?.url;
  if ((e.name === "FunctionCall" || e.name === "EvaluateScript") && url)
    return `${e.name} ${url.split("/").pop()}`;
  return e.name;
}

/**
 * The main thread's top-level tasks from the last keydown's dispatch until `windowMs` after it,
 * with the self time of every complete event nested in them.
 */
export function summarizeKeystroke(
  events: readonly TraceEvent[],
  windowMs: number,
): { tasks: TaskSummary[]; selfMs: Record<string, number> } | undefined {
  const thread = mainThread(events);
  if (!thread) return undefined;
  const own = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === "X")
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const keydowns = own.filter(
    (e) => e.name === "EventDispatch" && e.args?.data?.type === "keydown",
  );
  const keydown = keydowns[keydowns.length - 1];
  if (!keydown) return undefined;
  const tops = own.filter((e) => TOP_LEVEL.has(e.name));
  const start = tops.filter((t) => t.ts <= keydown.ts).pop()?.ts ?? keydown.ts;
  const end = keydown.ts + windowMs * 1000;
  const total: Record<string, number> = {};
  const tasks: TaskSummary[] = [];
  for (const top of tops) {
    if (top.ts < start || top.ts > end) continue;
    const topEnd = top.ts + (top.dur ?? 0);
    const inside = own.filter((e) => e !== top && e.ts >= top.ts && e.ts < topEnd);
    const selfMs: Record<string, number> = {};
    for (const e of inside) {
      const eEnd = e.ts + (e.dur ?? 0);
      // children: events inside e not inside another child of e (the list is sorted by start)
      let childTime = 0;
      let reach = e.ts;
      for (const c of inside) {
        if (c === e || c.ts < e.ts || c.ts >= eEnd || c.ts < reach) continue;
        if (c.ts === e.ts && (c.dur ?? 0) >= (e.dur ?? 0)) continue;
        childTime += Math.min(c.ts + (c.dur ?? 0), eEnd) - c.ts;
        reach = c.ts + (c.dur ?? 0);
      }
      const self = ((e.dur ?? 0) - childTime) / 1000;
      if (self <= 0) continue;
      selfMs[label(e)] = (selfMs[label(e)] ?? 0) + self;
      total[label(e)] = (total[label(e)] ?? 0) + self;
    }
    if ((top.dur ?? 0) / 1000 < 0.1) continue;
    tasks.push({ startMs: (top.ts - keydown.ts) / 1000, durMs: (top.dur ?? 0) / 1000, selfMs });
  }
  return { tasks, selfMs: total };
}

/** The summary as text: the busiest kinds of work, then every task of at least 0.5 ms. */
export function formatKeystrokeSummary(
  summary: NonNullable<ReturnType<typeof summarizeKeystroke>>,
  windowMs: number,
): string {
  const busy = summary.tasks.reduce((n, t) => n + t.durMs, 0);
  const top = (self: Record<string, number>, n: number) =>
    Object.entries(self)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(", ");
  return [
    `Main thread from the keydown to the painted error (${formatMs(windowMs)}): ${summary.tasks.length} tasks, ${formatMs(busy)} busy`,
    textTable([
      ["self time by kind", "ms"],
      ...Object.entries(summary.selfMs)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => [k, v.toFixed(1)]),
    ]),
    "Tasks (start after keydown, duration; largest self times in ms):",
    ...summary.tasks
      .filter((t) => t.durMs >= 0.5)
      .map((t) => `  +${t.startMs.toFixed(1)} ms  ${t.durMs.toFixed(1)} ms  ${top(t.selfMs, 4)}`),
  ].join("\n");
}
