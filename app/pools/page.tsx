import type { Metadata } from "next";
import { PoolList } from "@/components/pools/pool-list";
import { PrefectUnavailable } from "@/components/runs/runs-access";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getPrefectClient } from "@/lib/prefect/client";
import { listWorkPools } from "@/lib/prefect/work-pools";
import { IntentLink } from "@/components/ui/intent-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pools" };

export default async function PoolsPage() {
  let pools;
  try {
    pools = await listWorkPools(getPrefectClient(), { display: true });
  } catch (error) {
    return (
      <>
        <PageHeader title="Work pools" />
        <PrefectUnavailable error={error} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Work pools"
        actions={
          <IntentLink href="/pools/new" className={buttonClass({ size: "sm", variant: "primary" })}>
            New ECS pool
          </IntentLink>
        }
      />
      <PoolList pools={pools} />
    </>
  );
}
