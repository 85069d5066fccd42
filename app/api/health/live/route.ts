/**
 * Liveness: the process answers (a load balancer or the container's HEALTHCHECK restarts it when
 * not). Prefect and AWS are readiness's business (/api/health/ready).
 */
export function GET() {
  return Response.json({ ok: true });
}
