/**
 * The run diagnosis catalog: what Pooldeck recognises in a finished (or stuck) run. Ids are stable
 * (the runs page filters on them and `pooldeck runs --format json` prints them).
 */
import type { Severity } from "@/lib/checks/types";

export interface RunDiagnosisInfo {
  id: string;
  severity: Severity;
  title: string;
  description: string;
}

export const RUN_DIAGNOSES = [
  {
    id: "run/image-pull-failed",
    severity: "error",
    title: "image pull",
    description:
      "ECS could not pull the flow container's image (CannotPullContainerError): the image name, the execution role's registry permissions or the subnets' route to the registry.",
  },
  {
    id: "run/secrets-or-logs-init-failed",
    severity: "error",
    title: "secrets or logs set-up",
    description:
      "ECS could not prepare the task (ResourceInitializationError): the execution role cannot read a secret, pull registry credentials or create the log stream.",
  },
  {
    id: "run/out-of-memory",
    severity: "error",
    title: "out of memory",
    description:
      "The flow container was killed for using more memory than the task allows (exit 137).",
  },
  {
    id: "run/no-capacity",
    severity: "error",
    title: "no capacity",
    description:
      "ECS found nowhere to place the task: no container instance with enough CPU or memory, or a capacity provider with no instances.",
  },
  {
    id: "run/subnet-exhausted",
    severity: "error",
    title: "subnet out of addresses",
    description: "The task's subnets have no free IP address for its network interface.",
  },
  {
    id: "run/stuck-provisioning",
    severity: "warning",
    title: "stuck provisioning",
    description:
      "The task has stayed in PROVISIONING for over 10 minutes, usually while capacity scales out.",
  },
  {
    id: "run/submission-crashed",
    severity: "error",
    title: "submission crashed",
    description:
      'The worker failed the run before ECS started a task ("Failed to submit flow run to infrastructure").',
  },
  {
    id: "run/flow-code-failed",
    severity: "info",
    title: "flow code failed",
    description:
      "The container ran and exited 1: the flow itself failed, not the infrastructure. Its log tail says why.",
  },
  {
    id: "run/no-worker",
    severity: "error",
    title: "no worker",
    description:
      "The run waits for a worker, but no worker of this hybrid pool has sent a heartbeat within three poll intervals.",
  },
] as const satisfies readonly RunDiagnosisInfo[];

export type RunDiagnosisId = (typeof RUN_DIAGNOSES)[number]["id"];

/** The catalog entry of `id`. */
export function runDiagnosisInfo(id: RunDiagnosisId): RunDiagnosisInfo {
  return RUN_DIAGNOSES.find((d) => d.id === id)!;
}
