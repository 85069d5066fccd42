import { getReadiness } from "@/lib/status/readiness";

// always live: a readiness answer that caches would lie
export const dynamic = "force-dynamic";

/** Readiness: 200 when Prefect, ECS and the audit store all answer, else 503; the body names each check. */
export async function GET() {
  const { ready, checks } = await getReadiness();
  return Response.json(
    { status: ready ? "ready" : "not ready", checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
