import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { WorkPool } from "@/lib/prefect/types";
import { isEcsPoolType, modeOfPoolType } from "@/lib/template/pool-type";
import { checkWithCluster, type ServerVerdict } from "@/lib/push/verdict";
import type { JsonValue } from "@/lib/template/types";
import { ManagedBadge } from "./managed-badge";
import { PoolStatusControls } from "./pool-status-controls";
import { IntentLink } from "@/components/ui/intent-link";
import { counted } from "@/lib/template/counted";

/** Every pool's verdict against its cluster; AWS problems become a note on that row, never a failure. */
async function verdicts(pools: WorkPool[]): Promise<Map<string, ServerVerdict | null>> {
  const out = new Map<string, ServerVerdict | null>();
  // a few at a time: each may read a cluster (the lib/ecs cache serves repeats)
  for (let i = 0; i < pools.length; i += 4) {
    const batch = pools.slice(i, i + 4);
    const results = await Promise.all(
      batch.map((p) =>
        isEcsPoolType(p.type)
          ? checkWithCluster({
              template: (p.base_job_template ?? {}) as JsonValue,
              mode: modeOfPoolType(p.type),
              concurrency: { pool: p.concurrency_limit ?? null },
            })
          : Promise.resolve(null),
      ),
    );
    batch.forEach((p, j) => out.set(p.name, results[j] ?? null));
  }
  return out;
}

function Verdict({ verdict }: { verdict: ServerVerdict | null | undefined }) {
  if (!verdict) return <span className="text-xs text-muted-foreground">not an ECS pool</span>;
  const e = verdict.errors.length;
  const w = verdict.warnings.length;
  return (
    <div className="grid gap-0.5">
      <span className="flex gap-1">
        <Badge tone={e > 0 ? "destructive" : "success"}>{counted(e, "error")}</Badge>
        <Badge tone={w > 0 ? "warning" : "neutral"}>{counted(w, "warning")}</Badge>
      </span>
      <span className="text-xs text-muted-foreground">
        {verdict.cluster ? `against ${verdict.cluster}` : "no cluster"}
        {verdict.clusterProblem ? ` — ${verdict.clusterProblem}` : ""}
      </span>
    </div>
  );
}

/** The pools table: type, status (paused, concurrency) with controls, and the verdict of each template. */
export async function PoolList({ pools }: { pools: WorkPool[] }) {
  const sorted = [...pools].sort((a, b) => a.name.localeCompare(b.name));
  const byName = await verdicts(sorted);
  return (
    <Table aria-label="Work pools">
      <thead>
        <tr>
          <Th>Pool</Th>
          <Th>Type</Th>
          <Th>Status</Th>
          <Th>Verdict</Th>
          <Th>Runs</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((p) => (
          <tr key={p.id} data-pool={p.name}>
            <Td>
              <IntentLink
                href={`/pools/${encodeURIComponent(p.name)}`}
                className="font-medium underline-offset-2 hover:underline"
              >
                {p.name}
              </IntentLink>{" "}
              <ManagedBadge description={p.description} />
            </Td>
            <Td>
              <Badge>{p.type}</Badge>
            </Td>
            <Td>
              <PoolStatusControls
                name={p.name}
                paused={Boolean(p.is_paused)}
                concurrencyLimit={p.concurrency_limit ?? null}
              />
            </Td>
            <Td>
              <Verdict verdict={byName.get(p.name)} />
            </Td>
            <Td>
              <IntentLink
                href={`/pools/${encodeURIComponent(p.name)}/runs`}
                aria-label={`Runs of ${p.name}`}
                className="text-sm underline-offset-2 hover:underline"
              >
                Runs
              </IntentLink>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
