import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getPrefectClient } from "@/lib/prefect/client";
import { listWorkPools } from "@/lib/prefect/work-pools";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pools" };

// Minimal on purpose: the full pool list (status, deployments, compare) is another issue's.
export default async function PoolsPage() {
  let pools;
  try {
    pools = await listWorkPools(getPrefectClient());
  } catch (error) {
    return (
      <>
        <PageHeader title="Work pools" />
        <Alert tone="destructive" title="Prefect could not be read">
          {error instanceof Error ? error.message : String(error)}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Work pools"
        actions={
          <Button asChild size="sm" variant="primary">
            <Link href="/pools/new">New ECS pool</Link>
          </Button>
        }
      />
      <ul className="grid gap-1">
        {pools
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((p) => (
            <li key={p.id}>
              <Link
                href={`/pools/${encodeURIComponent(p.name)}`}
                className="text-sm font-medium underline-offset-2 hover:underline"
              >
                {p.name}
              </Link>{" "}
              <span className="text-xs text-muted-foreground">{p.type}</span>
            </li>
          ))}
      </ul>
    </>
  );
}
