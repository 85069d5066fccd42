import { NextResponse, type NextRequest } from "next/server";

import { denyApiRequest } from "@/lib/auth/api-guard";
import { regionSchema } from "@/lib/ecs/params";
import { listClusters } from "@/lib/ecs";

/** GET /api/ecs/clusters?region=us-east-1[&fresh=1] — the clusters of a region (EcsResult). */
export async function GET(req: NextRequest) {
  const denied = await denyApiRequest("viewer");
  if (denied) return denied;
  const region = regionSchema.safeParse(req.nextUrl.searchParams.get("region"));
  if (!region.success)
    return NextResponse.json(
      { error: "region: " + region.error.issues[0]?.message },
      { status: 400 },
    );
  const fresh = req.nextUrl.searchParams.get("fresh") === "1";
  return NextResponse.json(await listClusters(region.data, { fresh }));
}
