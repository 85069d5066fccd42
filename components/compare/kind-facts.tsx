import { Fragment, type ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import { WORKER_PREFETCH_SECONDS, WORKER_QUERY_SECONDS } from "@/lib/prefect/worker-defaults";
import { CodeBlock } from "./code-block";
import { workerCommand } from "./cli-commands";

const ISSUE_13030 = "https://github.com/PrefectHQ/prefect/issues/13030";

interface Row {
  topic: string;
  push: ReactNode;
  hybrid: ReactNode;
}

const rows: Row[] = [
  {
    topic: "Where it runs",
    push: "Prefect Cloud only. Prefect's own infrastructure calls RunTask; nothing runs in your account until the flow's task starts.",
    hybrid:
      "Prefect Cloud and self-hosted Prefect servers. A worker process you run (an ECS service, an EC2 instance, a laptop) polls Prefect and calls RunTask.",
  },
  {
    topic: "What it needs",
    push: (
      <>
        An <strong>AWS Credentials block</strong> in Prefect Cloud (access keys of an IAM user whose
        policy is below), referenced by the pool&apos;s <code>aws_credentials</code>. No process to
        run.
      </>
    ),
    hybrid: (
      <>
        A <strong>worker process</strong> with <code>prefect-aws</code> installed and {"an "}
        <strong>IAM role</strong> (the worker&apos;s ECS task role or instance profile, policy
        below). No keys stored in Prefect.
      </>
    ),
  },
  {
    topic: "Network: who reaches whom",
    push: "Prefect Cloud reaches the public ECS and EC2 APIs of your region with the stored keys. Nothing connects into your VPC. The flow's task needs outbound HTTPS to Prefect Cloud.",
    hybrid:
      "The worker needs outbound HTTPS to the Prefect API and to the ECS/EC2 APIs (VPC endpoints work). Nothing connects in: the worker polls. The flow's task needs outbound HTTPS to the Prefect API.",
  },
  {
    topic: "Submission latency",
    push: "Immediate: Prefect submits the run when it is scheduled to start.",
    hybrid: (
      <>
        Up to the poll interval: the worker asks for scheduled runs {"every "}
        <code>PREFECT_WORKER_QUERY_SECONDS</code> (default {WORKER_QUERY_SECONDS} s), {"looking "}
        <code>PREFECT_WORKER_PREFETCH_SECONDS</code> (default {WORKER_PREFETCH_SECONDS} s) ahead. If
        the worker is down, runs wait and turn Late.
      </>
    ),
  },
  {
    topic: "Who upgrades the request-building code",
    push: "Prefect. Cloud runs its own version of the code that turns the template into RunTask; you cannot pin it, and its fixes and regressions reach you without a deploy.",
    hybrid:
      "You. The prefect-aws version in the worker's image builds the request (Pooldeck's preview models prefect-aws 0.7.12); pin it and upgrade when you choose.",
  },
  {
    topic: "What it cannot do",
    push: (
      <ul className="list-disc pl-4">
        <li>
          Capacity provider strategies are unreliable: the push runner is reported to {"add "}
          <code>launchType</code> next to a strategy (
          <a className="underline" href={ISSUE_13030}>
            Prefect issue #13030
          </a>
          , open), and RunTask then fails. Auto Scaling group providers are how a cluster reaches
          its EC2 instances, so in practice a push pool is Fargate only.
        </li>
        <li>
          No GPUs: Fargate has none. GPU flows need EC2 capacity (for example an Auto Scaling group
          of GPU instances), which means a strategy or <code>launchType: EC2</code> on a cluster
          with those instances: use a hybrid pool.
        </li>
        <li>No IAM role: it must hold long-lived keys in Prefect Cloud.</li>
      </ul>
    ),
    hybrid: (
      <ul className="list-disc pl-4">
        <li>Nothing runs without the worker: you operate, monitor and upgrade it.</li>
        <li>Runs start up to one poll interval late.</li>
      </ul>
    ),
  },
];

/**
 * What a push pool and a hybrid pool each need and cannot do, side by side; `measured` is a row
 * of figures from real runs, after the submission latency row.
 */
export function KindFacts({
  examplePool,
  measured,
}: {
  examplePool: string | null;
  measured?: ReactNode;
}) {
  return (
    <div className="grid gap-3">
      <Table aria-label="Push pool and hybrid worker compared">
        <thead>
          <tr>
            <Th className="w-44">
              <span className="sr-only">Topic</span>
            </Th>
            <Th scope="col">Push pool (ecs:push)</Th>
            <Th scope="col">Hybrid worker (ecs)</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={row.topic}>
              <tr>
                <Th scope="row" className="align-top text-foreground">
                  {row.topic}
                </Th>
                <Td className="text-xs leading-relaxed">{row.push}</Td>
                <Td className="text-xs leading-relaxed">{row.hybrid}</Td>
              </tr>
              {row.topic === "Submission latency" ? measured : null}
            </Fragment>
          ))}
        </tbody>
      </Table>
      <CodeBlock label="Worker start commands" text={workerCommand(examplePool)} />
    </div>
  );
}
