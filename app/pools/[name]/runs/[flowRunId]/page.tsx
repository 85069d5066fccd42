import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunDetailView } from "@/components/runs/run-detail";
import { PrefectUnavailable, runsAccessDenied } from "@/components/runs/runs-access";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { isPrefectError } from "@/lib/prefect/errors";
import { loadRunDetail } from "@/lib/runs/load";
import type { RunDetail } from "@/lib/runs/types";
import { IntentLink } from "@/components/ui/intent-link";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ name: string; flowRunId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: `Run of ${decodeURIComponent(name)}` };
}

/** One run: its diagnoses in full, the flow run, the ECS task and containers, and the log tail. */
export default async function RunPage({ params }: Params) {
  const { name: rawName, flowRunId: rawId } = await params;
  const name = decodeURIComponent(rawName);
  const flowRunId = decodeURIComponent(rawId);
  const runsHref = `/pools/${encodeURIComponent(name)}/runs`;
  const back = (
    <IntentLink href={runsHref} className={buttonClass({ size: "sm", variant: "ghost" })}>
      All runs of {name}
    </IntentLink>
  );
  const denied = await runsAccessDenied();
  if (denied) {
    return (
      <>
        <PageHeader title={`Run of ${name}`} actions={back} />
        {denied}
      </>
    );
  }
  let detail: RunDetail;
  try {
    detail = await loadRunDetail(name, flowRunId);
  } catch (error) {
    if (isPrefectError(error, "not-found")) notFound();
    return (
      <>
        <PageHeader title={`Run of ${name}`} actions={back} />
        <PrefectUnavailable error={error} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={detail.flowRun.name}
        description={`A run of ${detail.flowRun.deploymentName ?? "a flow"} in work pool ${name}.`}
        actions={back}
      />
      <RunDetailView detail={detail} now={new Date().toISOString()} />
    </>
  );
}
