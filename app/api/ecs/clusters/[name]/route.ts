import { NextResponse, type NextRequest } from "next/server";

import { denyApiRequest } from "@/lib/auth/api-guard";
import { clusterNameSchema, regionSchema } from "@/lib/ecs/params";
import { getClusterSnapshot } from "@/lib/ecs";

/** GET /api/ecs/clusters/{name}?region=…[&fresh=1] — the cluster snapshot with per-section status. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ name: string }> }) {
  const denied = await denyApiRequest("viewer");
  if (denied) return denied;
  const { name } = await ctx.params;
  const region = regionSchema.safeParse(req.nextUrl.searchParams.get("region"));
  const cluster = clusterNameSchema.safeParse(name);
  if (!region.success || !cluster.success) {
    return NextResponse.json({ error: "expected a region and a cluster name" }, { status: 400 });
  }
  const fresh = req.nextUrl.searchParams.get("fresh") === "1";
  return NextResponse.json(
    await getClusterSnapshot({ region: region.data, cluster: cluster.data }, { fresh }),
  );
}
