import { loadPoolRunsLine } from "@/lib/actions/pool-reads";
import { readResponse } from "@/lib/actions/read-response";

/** GET /api/pools/{name}/runs-line — the pool page's line on its last 20 runs and its workers. */
export async function GET(_req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  return readResponse(await loadPoolRunsLine(name));
}
