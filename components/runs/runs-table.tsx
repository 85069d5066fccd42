import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { PoolRun } from "@/lib/runs/types";
import { formatTime, stateTone, taskDurations, taskStatus, whereItRan } from "./run-format";
import { IntentLink } from "@/components/ui/intent-link";

/** The runs list: one row a run, newest first; the run's name opens its detail. */
export function RunsTable({ pool, runs, now }: { pool: string; runs: PoolRun[]; now: string }) {
  return (
    <Table aria-label="Runs">
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>State</Th>
          <Th>Deployment</Th>
          <Th>Task</Th>
          <Th>Where it ran</Th>
          <Th>
            <abbr title="provisioning (created → image pull) · pending (pull → started) · running">
              Provisioning · pending · running
            </abbr>
          </Th>
          <Th>Diagnosis</Th>
        </tr>
      </thead>
      <tbody>
        {runs.map(({ flowRun, task, diagnoses }) => {
          const d = task.kind === "found" ? taskDurations(task.task, now) : null;
          const first = diagnoses[0];
          return (
            <tr key={flowRun.id} data-run={flowRun.name}>
              <Td>
                <IntentLink
                  href={`/pools/${encodeURIComponent(pool)}/runs/${encodeURIComponent(flowRun.id)}`}
                  className="font-medium underline-offset-2 hover:underline"
                >
                  {flowRun.name}
                </IntentLink>
                <div className="text-xs text-muted-foreground">
                  {formatTime(flowRun.startTime ?? flowRun.expectedStartTime)}
                </div>
              </Td>
              <Td>
                <Badge tone={stateTone(flowRun.stateType)}>
                  {flowRun.stateName || flowRun.stateType}
                </Badge>
              </Td>
              <Td>{flowRun.deploymentName ?? <span className="text-muted-foreground">—</span>}</Td>
              <Td>
                <span className="font-mono text-xs">{taskStatus(task)}</span>
                {task.kind === "not-ecs" && task.raw ? (
                  <div className="font-mono text-xs text-muted-foreground">{task.raw}</div>
                ) : null}
              </Td>
              <Td className="text-xs">{task.kind === "found" ? whereItRan(task.task) : "—"}</Td>
              <Td className="font-mono text-xs whitespace-nowrap">
                {d ? `${d.provisioning} · ${d.pending} · ${d.running}` : "—"}
              </Td>
              <Td className="max-w-80 text-xs">
                {first ? (
                  <span className="line-clamp-1" title={first.summary}>
                    {first.summary}
                  </span>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
