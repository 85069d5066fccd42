import { Button } from "@/components/ui/button";
import { Label, NativeSelect } from "@/components/ui/input";
import type { PoolRun } from "@/lib/runs/types";
import type { RunFilters } from "./run-format";
import { IntentLink } from "@/components/ui/intent-link";

function options(values: (string | null | undefined)[], current: string | undefined): string[] {
  const set = new Set(values.filter((v): v is string => Boolean(v)));
  // a filter from a shared URL stays selectable even when no loaded run matches it
  if (current) set.add(current);
  return [...set].sort();
}

/**
 * The filters as a GET form: choosing and applying them puts them in the URL (shareable, and it
 * works before any script has loaded); the page reads them from its searchParams.
 */
export function RunsFilters({
  pool,
  runs,
  filters,
  latency,
}: {
  pool: string;
  runs: PoolRun[];
  filters: RunFilters;
  /** the start-latency N from the URL, kept when the filters change */
  latency?: number;
}) {
  const states = options(
    runs.map((r) => r.flowRun.stateType),
    filters.state,
  );
  const deployments = options(
    runs.map((r) => r.flowRun.deploymentName),
    filters.deployment,
  );
  const diagnoses = options(
    runs.flatMap((r) => r.diagnoses.map((d) => d.rule)),
    filters.diagnosis,
  );
  const action = `/pools/${encodeURIComponent(pool)}/runs`;
  const any = filters.state || filters.deployment || filters.diagnosis;
  return (
    <form
      method="get"
      action={action}
      aria-label="Filter runs"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {latency ? <input type="hidden" name="latency" value={latency} /> : null}
      <div className="grid gap-1">
        <Label htmlFor="runs-state">State</Label>
        <NativeSelect
          id="runs-state"
          name="state"
          defaultValue={filters.state ?? ""}
          className="w-40"
        >
          <option value="">Any state</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0) + s.slice(1).toLowerCase()}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="runs-deployment">Deployment</Label>
        <NativeSelect
          id="runs-deployment"
          name="deployment"
          defaultValue={filters.deployment ?? ""}
          className="w-64"
        >
          <option value="">Any deployment</option>
          {deployments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="runs-diagnosis">Diagnosis</Label>
        <NativeSelect
          id="runs-diagnosis"
          name="diagnosis"
          defaultValue={filters.diagnosis ?? ""}
          className="w-56"
        >
          <option value="">Any diagnosis</option>
          {diagnoses.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" size="md">
        Apply filters
      </Button>
      {any ? (
        <IntentLink href={action} className="inline-flex h-9 items-center text-sm underline">
          Clear filters
        </IntentLink>
      ) : null}
    </form>
  );
}
