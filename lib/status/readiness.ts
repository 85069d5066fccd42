import "server-only";

import { getAuditStore } from "@/lib/audit/server";
import { getAwsStatus } from "@/lib/status/aws";
import { getPrefectStatus } from "@/lib/status/prefect";

/** One dependency's answer; `problem` is a short error kind, never a URL or a message. */
export type ReadinessCheck = { ok: true } | { ok: false; problem: string };

export interface Readiness {
  ready: boolean;
  checks: { prefect: ReadinessCheck; aws: ReadinessCheck; auditStore: ReadinessCheck };
}

// a load balancer's health check times out after a few seconds: answer "not ready" before that
const CHECK_DEADLINE_MS = 4_000;

async function withinDeadline(check: () => Promise<ReadinessCheck>): Promise<ReadinessCheck> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ReadinessCheck>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, problem: "timeout" }), CHECK_DEADLINE_MS);
  });
  try {
    return await Promise.race([
      check().catch(() => ({ ok: false, problem: "error" }) as const),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function prefectCheck(): Promise<ReadinessCheck> {
  const status = await getPrefectStatus();
  if (status.ok) return { ok: true };
  return { ok: false, problem: status.problem?.kind ?? "unhealthy" };
}

async function awsCheck(): Promise<ReadinessCheck> {
  const status = await getAwsStatus();
  return status.ok ? { ok: true } : { ok: false, problem: status.error.kind };
}

async function auditStoreCheck(): Promise<ReadinessCheck> {
  const store = await getAuditStore().catch(() => null);
  if (!store) return { ok: false, problem: "cannot-open" };
  return store
    .checkWritable()
    .then(() => ({ ok: true }) as const)
    .catch(() => ({ ok: false, problem: "not-writable" }) as const);
}

/**
 * Whether this instance can serve: Prefect and ECS answer with the server's configuration and the
 * audit store takes writes. The answer is for an unauthenticated load balancer, so a failing check
 * names only its error kind; the signed-in status page shows the details.
 */
export async function getReadiness(): Promise<Readiness> {
  const [prefect, aws, auditStore] = await Promise.all([
    withinDeadline(prefectCheck),
    withinDeadline(awsCheck),
    withinDeadline(auditStoreCheck),
  ]);
  return { ready: prefect.ok && aws.ok && auditStore.ok, checks: { prefect, aws, auditStore } };
}
