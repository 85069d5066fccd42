import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { LatencyGroup, StartLatency } from "@/lib/runs/latency";
import type { LatencyAdvice } from "@/lib/runs/latency-advice";
import { counted } from "@/lib/template/counted";
import { CACHE_HIT_MS, PHASES, formatLatency } from "@/lib/runs/timings";
import { LatencyChart } from "./latency-chart";
import type { RunFilters } from "./run-format";

const kind = (g: LatencyGroup) =>
  g.launchType === "EC2" ? "EC2" : g.launchType === "FARGATE" ? "Fargate" : null;

function cacheLine(g: LatencyGroup): string {
  if (g.launchType === "FARGATE") return "Fargate keeps no image between tasks: every run pulls.";
  if (g.cacheKnown === 0) return "No EC2 pull time known yet: ECS has not reported one.";
  const rate = Math.round((100 * g.cacheHits) / g.cacheKnown);
  return `Cache-hit rate ${rate}%: ${g.cacheHits} of ${g.cacheKnown} EC2 pulls took under ${CACHE_HIT_MS / 1000} s.`;
}

function groupTitle(g: LatencyGroup): string {
  const k = kind(g);
  const where = k && k !== g.where ? `${g.where} (${k})` : g.where;
  return g.deployment ? `${g.deployment} on ${where}` : where;
}

/** A group's median and p95 per phase, its cache-hit rate and its chart. */
function GroupFigures({ g, runs }: { g: LatencyGroup; runs: StartLatency["runs"] }) {
  const title = groupTitle(g);
  const rows = [
    ...PHASES.map((p) => ({ label: p.label, s: g.phases[p.id] })),
    { label: "Scheduled → started", s: g.total },
  ];
  return (
    <section
      aria-label={title}
      className="grid min-w-0 grid-cols-1 gap-3 rounded-md border border-border p-3"
    >
      <h4 className="text-sm font-semibold">
        {`${title} `}
        <span className="font-normal text-muted-foreground">{`· ${counted(g.runs, "run")}`}</span>
      </h4>
      <Table aria-label={`${title}: median and p95 per phase`}>
        <thead>
          <tr>
            <Th scope="col">Phase</Th>
            <Th scope="col">Median</Th>
            <Th scope="col">p95</Th>
            <Th scope="col">Runs with it</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, s }) => (
            <tr key={label}>
              <Th scope="row" className="text-foreground">
                {label}
              </Th>
              <Td className="font-mono text-xs">{formatLatency(s.median)}</Td>
              <Td className="font-mono text-xs">{formatLatency(s.p95)}</Td>
              <Td className="font-mono text-xs">
                {s.count} of {g.runs}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-xs">{cacheLine(g)}</p>
      {g.deployment !== null ? (
        <LatencyChart
          title={title}
          runs={runs.filter((r) => r.deployment === g.deployment && r.group === g.where)}
        />
      ) : null}
    </section>
  );
}

function Advice({ advice }: { advice: LatencyAdvice[] }) {
  if (advice.length === 0) return null;
  return (
    <ul aria-label="Start latency advice" className="grid gap-2">
      {advice.map((a) => (
        <li key={`${a.id}:${a.title}`}>
          <Alert tone={a.id === "latency/submission-delay" ? "info" : "warning"} title={a.title}>
            <p>{a.message}</p>
            <p className="mt-1 font-mono text-xs">{a.figure}</p>
          </Alert>
        </li>
      ))}
    </ul>
  );
}

/** The N chooser as a GET form keeping the runs filters, so the URL carries both. */
function WindowForm({ action, n, filters }: { action: string; n: number; filters: RunFilters }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3">
      {Object.entries(filters).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="grid gap-1">
        <Label htmlFor="latency-runs">Runs covered</Label>
        <Input
          id="latency-runs"
          name="latency"
          type="number"
          min={1}
          max={200}
          defaultValue={n}
          className="w-24"
        />
      </div>
      <Button type="submit" size="md" variant="secondary">
        Show start latency
      </Button>
    </form>
  );
}

/**
 * The runs page's start-latency section: advice first, then per deployment its providers side by
 * side (EC2 next to Fargate when it ran on both), then each provider over all deployments.
 */
export function StartLatencySection({
  action,
  latency,
  advice,
  filters,
  note,
}: {
  action: string;
  latency: StartLatency;
  advice: LatencyAdvice[];
  filters: RunFilters;
  /** why the N shown is not the N typed, when it is not */
  note?: string;
}) {
  const covered = latency.runs.length;
  return (
    <section aria-labelledby="start-latency" className="mt-8 grid gap-4">
      <h2 id="start-latency" className="text-base font-semibold">
        Start latency
      </h2>
      <p className="text-sm text-muted-foreground">
        From each run&apos;s scheduled start to its container starting, phase by phase, as ECS
        reports the task&apos;s timestamps. An EC2 image pull under 1 s found the layers cached on
        the instance.
      </p>
      <WindowForm action={action} n={latency.window} filters={filters} />
      {note ? (
        <p role="status" className="text-sm">
          {note}
        </p>
      ) : null}
      <p role="status" className="text-xs text-muted-foreground">
        {`The last ${covered} ${covered === 1 ? "run" : "runs"}`}
        {latency.withoutTask
          ? `; ${latency.withoutTask} without a task ECS returned (gone, not started or not ECS) count in no figure.`
          : "."}
      </p>
      <Advice advice={advice} />
      {latency.byDeployment.map((d) => (
        <section
          key={d.deployment ?? ""}
          aria-label={`Start latency of ${d.deployment ?? "runs without a deployment"}`}
          className="grid gap-2"
        >
          <h3 className="text-sm font-semibold">{d.deployment ?? "Without a deployment"}</h3>
          <div className="grid gap-3 lg:grid-cols-2">
            {d.groups.map((g) => (
              <GroupFigures key={g.where} g={g} runs={latency.runs} />
            ))}
          </div>
        </section>
      ))}
      {latency.byProvider.length > 0 ? (
        <section aria-label="Start latency per capacity provider" className="grid gap-2">
          <h3 className="text-sm font-semibold">Per capacity provider, all deployments</h3>
          <div className="grid gap-3 lg:grid-cols-2">
            {latency.byProvider.map((g) => (
              <GroupFigures key={g.where} g={g} runs={latency.runs} />
            ))}
          </div>
        </section>
      ) : null}
    </section>
  );
}
