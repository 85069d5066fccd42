import { NextResponse, type NextRequest } from "next/server";

import { regionSchema } from "@/components/cluster/params";
import { listClusters } from "@/lib/ecs";

/** GET /api/ecs/clusters?region=us-east-1[&fresh=1] — the clusters of a region (EcsResult). */
export async function GET(req: NextRequest) {
  const region = regionSchema.safeParse(req.nextUrl.searchParams.get("region"));
  if (!region.success)
    return NextResponse.json(
      { error: "region: " + region.error.issues[0]?.message },
      { status: 400 },
    );
  const fresh = req.nextUrl.searchParams.get("fresh") === "1";
  return NextResponse.json(await listClusters(region.data, { fresh }));
}
