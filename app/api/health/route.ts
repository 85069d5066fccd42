/** Liveness of the dashboard itself (not of Prefect or AWS: the status page shows those). */
export function GET() {
  return Response.json({ ok: true });
}
