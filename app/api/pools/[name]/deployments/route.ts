import { loadPoolDeployments } from "@/lib/actions/pool-reads";
import { readResponse } from "@/lib/actions/read-response";

/** GET /api/pools/{name}/deployments — the pool page's deployments, each with its verdict. */
export async function GET(_req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  return readResponse(await loadPoolDeployments(name));
}
