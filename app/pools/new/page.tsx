import type { Metadata } from "next";
import { CreatePoolButton } from "@/components/push/create-pool-button";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getDefaultTemplates } from "@/lib/prefect/work-pools";
import { loadClusterSnapshot } from "@/lib/actions/pool-editor";
import { getPrefectClient, initialCheckResults, loadClusterData } from "../load-editor-data";
import { NewPoolEditor } from "./new-pool-editor";
import { isEcsPoolType } from "@/lib/template/pool-type";
import { errorMessage } from "@/lib/template/error-message";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New pool" };

export default async function NewPoolPage() {
  const client = getPrefectClient();
  let templates: Record<string, string>;
  try {
    const all = await getDefaultTemplates(client, { display: true });
    templates = Object.fromEntries(
      Object.values(all)
        .filter((t) => isEcsPoolType(t.type))
        .map((t) => [t.type, JSON.stringify(t.baseJobTemplate, null, 2)]),
    );
  } catch (error) {
    return (
      <>
        <PageHeader title="New ECS work pool" />
        <Alert tone="destructive" title="Prefect could not be read">
          {errorMessage(error)} The default ECS template comes from Prefect; reload once it answers.
        </Alert>
      </>
    );
  }
  if (!templates.ecs && !templates["ecs:push"]) {
    return (
      <>
        <PageHeader title="New ECS work pool" />
        <Alert tone="warning" title="Prefect offers no ECS template">
          The server&apos;s worker metadata has no ecs pool type; install prefect-aws where the
          server runs.
        </Alert>
      </>
    );
  }
  const first = templates.ecs ?? templates["ecs:push"] ?? "{}";
  // streamed after the page: the form does not wait on AWS
  const cluster = loadClusterData(
    JSON.parse(first) as Record<string, never>,
    templates.ecs ? "hybrid" : "push",
  );
  return (
    <>
      <PageHeader
        title="New ECS work pool"
        description="Start from Prefect's default template; the form and JSON stay in sync and every edit is checked."
      />
      <NewPoolEditor
        templates={templates}
        initialChecksByType={Object.fromEntries(
          Object.entries(templates).map(([type, text]) => [type, initialCheckResults(text)]),
        )}
        serverKey={client.apiUrl}
        cluster={cluster}
        loadSnapshot={loadClusterSnapshot}
        actions={<CreatePoolButton />}
      />
    </>
  );
}
