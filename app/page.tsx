import { StatusCard } from "@/components/status/status-card";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getAwsStatus } from "@/lib/status/aws";
import { getPrefectStatus } from "@/lib/status/prefect";
import { IntentLink } from "@/components/ui/intent-link";

// Always live: a status page that caches would lie.
export const dynamic = "force-dynamic";

export default async function StatusPage() {
  const [prefect, aws] = await Promise.all([getPrefectStatus(), getAwsStatus()]);
  return (
    <>
      <PageHeader
        title="Status"
        description="Whether Pooldeck reaches Prefect and Amazon ECS with the server's configuration."
        actions={
          <IntentLink
            href="/"
            prefetch={false}
            className={buttonClass({ variant: "secondary", size: "sm" })}
          >
            Check again
          </IntentLink>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <StatusCard
          title="Prefect"
          ok={prefect.ok}
          facts={[
            { label: "API URL", value: prefect.apiUrl },
            ...(prefect.ok
              ? [
                  {
                    label: prefect.cloud ? "Prefect Cloud" : "Server version",
                    value: prefect.cloud
                      ? `account ${prefect.cloud.accountId}, workspace ${prefect.cloud.workspaceId}`
                      : `Prefect ${prefect.version ?? "(version not reported)"} (self-hosted)`,
                  },
                  {
                    label: "Authentication",
                    value:
                      prefect.auth === "bearer"
                        ? "API key"
                        : prefect.auth === "basic"
                          ? "basic auth"
                          : "none",
                  },
                ]
              : []),
          ]}
          problem={
            prefect.problem
              ? { title: prefect.problem.message, detail: prefect.hint }
              : prefect.ok
                ? undefined
                : {
                    title: "Prefect answered /api/health with false",
                    detail: "The server reports itself unhealthy; see its log.",
                  }
          }
        />
        <StatusCard
          title="Amazon ECS"
          ok={aws.ok}
          facts={[
            { label: "Region", value: aws.region },
            { label: "Endpoint", value: aws.endpoint ?? "AWS (public endpoint)" },
            ...(aws.ok
              ? [
                  { label: "Identity", value: aws.identity ?? "unknown (STS not reachable)" },
                  {
                    label: "Clusters",
                    value: `${aws.clusterCount}${aws.clusterCountIsLowerBound ? "+" : ""} in ${aws.region}`,
                  },
                ]
              : []),
          ]}
          problem={
            aws.ok
              ? undefined
              : {
                  title: aws.error.message,
                  detail: aws.error.action ? `Failed call: ${aws.error.action}` : null,
                }
          }
        />
      </div>
    </>
  );
}
