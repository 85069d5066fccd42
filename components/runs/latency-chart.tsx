import { Table, Td, Th } from "@/components/ui/table";
import { PHASES, formatLatency, type PhaseId, type RunTimings } from "@/lib/runs/timings";

/** Each phase's fill: theme tokens, so light and dark both read. */
export const PHASE_FILL: Record<PhaseId, string> = {
  submission: "fill-muted-foreground",
  provisioning: "fill-warning",
  pull: "fill-chart-used",
  containerStart: "fill-success",
};

const BAR = 14;
const GAP = 6;
const LABEL = 150;
const WIDTH = 640;

/** "pull, container start" of the phases a run lacks; "" when it has all four. */
export function missingPhases(t: RunTimings): string {
  return t.missing.map((m) => PHASES.find((p) => p.id === m.phase)!.label.toLowerCase()).join(", ");
}

function cache(t: RunTimings): string {
  if (t.cacheHit === null) return "—";
  const hit = t.cacheHit ? "hit" : "miss";
  if (t.sameImageOnInstanceBefore === null) return hit;
  return `${hit}; ${t.sameImageOnInstanceBefore ? "image ran on this instance before" : "first time on this instance"}`;
}

/**
 * The phases of each run as a stacked horizontal bar (newest on top), drawn as plain SVG in theme
 * colours, with the same figures as a table for screen readers and for reading exact values.
 * A phase before the scheduled start (negative) or unknown draws no segment; the table says which.
 */
export function LatencyChart({ title, runs }: { title: string; runs: RunTimings[] }) {
  const widthOf = (t: RunTimings) =>
    PHASES.reduce((sum, p) => sum + Math.max(0, t.phases[p.id] ?? 0), 0);
  const max = Math.max(1, ...runs.map(widthOf));
  const scale = (WIDTH - LABEL - 90) / max;
  const height = runs.length * (BAR + GAP) + GAP;
  return (
    <figure className="grid min-w-0 grid-cols-1 gap-2">
      <svg
        role="img"
        aria-label={`${title}: each run's start as stacked phases, newest on top; the table below holds the figures`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="w-full max-w-3xl"
      >
        {runs.map((t, i) => {
          const y = GAP + i * (BAR + GAP);
          let x = LABEL;
          const missing = missingPhases(t);
          return (
            <g key={t.flowRunId}>
              <text
                x={LABEL - 6}
                y={y + BAR - 3}
                textAnchor="end"
                className="fill-foreground text-[11px]"
              >
                {t.flowRunName.length > 22 ? `${t.flowRunName.slice(0, 21)}…` : t.flowRunName}
              </text>
              {PHASES.map((p) => {
                const ms = t.phases[p.id];
                if (ms === null || ms <= 0) return null;
                const w = ms * scale;
                const rect = (
                  <rect key={p.id} x={x} y={y} width={w} height={BAR} className={PHASE_FILL[p.id]}>
                    <title>{`${p.label}: ${formatLatency(ms)}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + BAR - 3} className="fill-muted-foreground text-[10px]">
                {missing
                  ? `${formatLatency(t.totalMs)} · unknown: ${missing}`
                  : formatLatency(t.totalMs)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {PHASES.map((p) => (
          <span key={p.id} className="inline-flex items-center gap-1">
            <svg aria-hidden width="10" height="10">
              <rect width="10" height="10" className={PHASE_FILL[p.id]} />
            </svg>
            {p.label}
          </span>
        ))}
      </figcaption>
      <details>
        <summary className="cursor-pointer text-xs underline">Figures of each run</summary>
        <Table aria-label={`${title}: figures of each run`} scrollable>
          <thead>
            <tr>
              <Th scope="col">Run</Th>
              {PHASES.map((p) => (
                <Th scope="col" key={p.id}>
                  {p.label}
                </Th>
              ))}
              <Th scope="col">Scheduled → started</Th>
              <Th scope="col">Instance</Th>
              <Th scope="col">EC2 image cache</Th>
              <Th scope="col">Missing</Th>
            </tr>
          </thead>
          <tbody>
            {runs.map((t) => (
              <tr key={t.flowRunId}>
                <Th scope="row" className="text-foreground">
                  {t.flowRunName}
                </Th>
                {PHASES.map((p) => (
                  <Td key={p.id} className="font-mono text-xs whitespace-nowrap">
                    {formatLatency(t.phases[p.id])}
                  </Td>
                ))}
                <Td className="font-mono text-xs whitespace-nowrap">{formatLatency(t.totalMs)}</Td>
                <Td className="text-xs">
                  {[t.placement?.instanceType, t.placement?.ec2InstanceId]
                    .filter(Boolean)
                    .join(" · ") || "—"}
                </Td>
                <Td className="text-xs">{cache(t)}</Td>
                <Td className="text-xs">
                  {t.missing.length
                    ? t.missing.map((m) => `${m.phase}: no ${m.fields.join(", ")}`).join("; ")
                    : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </figure>
  );
}
