import { NextResponse, type NextRequest } from "next/server";

import { denyApiRequest } from "@/lib/auth/api-guard";
import { describeRequestSchema } from "@/lib/ecs/params";
import { describeTaskDefinitions } from "@/lib/ecs";

/** POST /api/ecs/task-definitions {region, families} — latest ACTIVE revision per family, env names only. */
export async function POST(req: NextRequest) {
  const denied = await denyApiRequest("viewer");
  if (denied) return denied;
  const body = describeRequestSchema.safeParse(await req.json().catch(() => null));
  if (!body.success) {
    return NextResponse.json(
      { error: body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") },
      { status: 400 },
    );
  }
  const { region, families, fresh } = body.data;
  return NextResponse.json(await describeTaskDefinitions(region, families, { fresh }));
}
