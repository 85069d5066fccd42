import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ScrollingPre } from "@/components/ui/scrolling-pre";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDuration } from "@/lib/runs/timings";
import type { RunDetail, RunTask } from "@/lib/runs/types";
import {
  editorHref,
  formatTime,
  stateTone,
  taskDurations,
  taskStatus,
  whereItRan,
} from "./run-format";
import { IntentLink } from "@/components/ui/intent-link";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="grid gap-2 rounded-lg border border-border bg-card p-4">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Label–value rows; a missing value reads "—". */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="break-words">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

const mono = (v: string | null | undefined) =>
  v ? <span className="font-mono text-xs">{v}</span> : "—";

/** A run's detail: its diagnoses first, then the flow run, the task, its containers and log tail. */
export function RunDetailView({ detail, now }: { detail: RunDetail; now: string }) {
  const { flowRun, task, diagnoses, logs, pool } = detail;
  return (
    <div className="grid gap-4">
      <Section title="Diagnosis">
        {diagnoses.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Nothing Pooldeck recognizes went wrong with this run.
          </p>
        ) : (
          <ul className="grid gap-3">
            {diagnoses.map((d) => (
              <li key={d.rule} className="grid gap-1" aria-label={d.summary}>
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                  <Badge
                    tone={
                      d.severity === "error"
                        ? "destructive"
                        : d.severity === "warning"
                          ? "warning"
                          : "info"
                    }
                  >
                    {d.severity}
                  </Badge>
                  {d.summary}
                  <span className="font-mono text-xs text-muted-foreground">{d.rule}</span>
                </p>
                <p className="text-sm whitespace-pre-line">{d.message}</p>
                {d.checkRule ? (
                  <p className="text-xs text-muted-foreground">
                    The check <span className="font-mono">{d.checkRule}</span> catches this before a
                    run.
                  </p>
                ) : null}
                {d.target ? (
                  <p className="text-sm">
                    <IntentLink href={editorHref(pool, d.target)} className="underline">
                      Open in editor
                    </IntentLink>{" "}
                    <span className="font-mono text-xs text-muted-foreground">
                      {d.target.document === "job_variables" ? "job_variables" : "template"}
                      {d.target.path}
                    </span>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Flow run">
        <Facts
          rows={[
            [
              "State",
              <Badge key="s" tone={stateTone(flowRun.stateType)}>
                {flowRun.stateName || flowRun.stateType}
              </Badge>,
            ],
            ["State message", flowRun.stateMessage],
            ["Deployment", flowRun.deploymentName ?? flowRun.deploymentId],
            ["Expected start", formatTime(flowRun.expectedStartTime)],
            ["Started", formatTime(flowRun.startTime)],
            ["Ended", formatTime(flowRun.endTime)],
            [
              "Run time",
              formatDuration(
                flowRun.startTime,
                flowRun.endTime ?? (flowRun.stateType === "RUNNING" ? now : null),
              ),
            ],
            ["Infrastructure", mono(flowRun.infrastructurePid)],
            ["Flow run id", mono(flowRun.id)],
          ]}
        />
      </Section>

      <Section title="ECS task">
        {task.kind === "found" ? (
          <TaskFacts task={task.task} now={now} />
        ) : task.kind === "gone" ? (
          <p className="text-sm">
            ECS no longer returns task <span className="font-mono text-xs">{task.taskArn}</span> of
            cluster {task.cluster}: it keeps a stopped task for about an hour.
          </p>
        ) : task.kind === "unavailable" ? (
          <p role="alert" className="text-sm text-destructive">
            The task could not be read: {task.message}
          </p>
        ) : (
          <p className="text-sm">
            {task.raw ? (
              <>
                <span className="font-mono text-xs">{task.raw}</span> is not an ECS task
                (prefect-aws writes{" "}
                <span className="font-mono text-xs">&lt;cluster&gt;::&lt;task ARN&gt;</span>).
              </>
            ) : (
              "No task: the run has no infrastructure id yet (it was never submitted, or the submission failed before RunTask)."
            )}
          </p>
        )}
      </Section>

      {task.kind === "found" ? (
        <Section title="Containers">
          {task.task.containers.length === 0 ? (
            <p className="text-sm text-muted-foreground">ECS lists no containers for this task.</p>
          ) : (
            <Table aria-label="Containers">
              <thead>
                <tr>
                  <Th>Container</Th>
                  <Th>Status</Th>
                  <Th>Exit code</Th>
                  <Th>Reason</Th>
                </tr>
              </thead>
              <tbody>
                {task.task.containers.map((c) => (
                  <tr key={c.name}>
                    <Td className="font-mono text-xs">{c.name}</Td>
                    <Td>{c.lastStatus ?? "—"}</Td>
                    <Td>{c.exitCode ?? "—"}</Td>
                    <Td className="text-xs">{c.reason ?? "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Section>
      ) : null}

      <Section title="Log tail">
        {logs.kind === "lines" ? (
          <>
            <p className="text-xs text-muted-foreground">
              Last {logs.lines.length} lines of <span className="font-mono">{logs.group}</span> /{" "}
              <span className="font-mono">{logs.stream}</span>
            </p>
            <ScrollingPre label="Log lines" className="max-h-96 p-2">
              {logs.lines.map((l) => `${formatTime(l.timestamp)}  ${l.message}`).join("\n")}
            </ScrollingPre>
          </>
        ) : logs.kind === "none" ? (
          <p className="text-sm text-muted-foreground">{logs.reason}</p>
        ) : (
          <p role="alert" className="text-sm text-destructive">
            The log tail could not be read: {logs.message}
          </p>
        )}
      </Section>
    </div>
  );
}

function TaskFacts({ task, now }: { task: RunTask; now: string }) {
  const d = taskDurations(task, now);
  return (
    <Facts
      rows={[
        [
          "Status",
          <span key="s" className="font-mono text-xs">
            {taskStatus({ kind: "found", task })}
          </span>,
        ],
        ["Stop code", mono(task.stopCode)],
        ["Stopped reason", task.stoppedReason || "—"],
        ["Task definition", mono(task.taskDefinition)],
        ["Where it ran", whereItRan(task)],
        [
          "CPU / memory",
          task.cpu || task.memory ? `${task.cpu ?? "—"} / ${task.memory ?? "—"}` : "—",
        ],
        ["Provisioning", d.provisioning],
        ["Pending", d.pending],
        ["Running", d.running],
        ["Created", formatTime(task.createdAt)],
        ["Stopped", formatTime(task.stoppedAt)],
        ["Cluster", task.cluster],
        ["Task ARN", mono(task.taskArn)],
      ]}
    />
  );
}
