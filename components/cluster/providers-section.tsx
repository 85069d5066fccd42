import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { autoScalingGroupName } from "@/lib/snapshot/arn";
import type { CapacityProvider, ContainerInstance, StrategyItem } from "@/lib/snapshot/schema";

import { CapacityBar } from "./capacity-bar";
import { counted } from "@/lib/template/counted";

export interface ProvidersSectionProps {
  providers: CapacityProvider[];
  instances: ContainerInstance[];
  defaultStrategy: StrategyItem[];
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-3 py-0.5">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

/** One card per capacity provider: its settings and the capacity of its instances. */
export function ProvidersSection({ providers, instances, defaultStrategy }: ProvidersSectionProps) {
  if (providers.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No capacity providers are associated with this cluster.
      </p>
    );
  }
  const names = new Set(providers.map((p) => p.name));
  const unassigned = instances.filter(
    (i) => !i.capacityProviderName || !names.has(i.capacityProviderName),
  );
  return (
    <div className="space-y-4">
      <ProviderCards
        providers={providers}
        instances={instances}
        defaultStrategy={defaultStrategy}
      />
      {unassigned.length ? (
        <Card aria-label="Instances without a capacity provider">
          <CardHeader>
            <div>
              <CardTitle>Without a capacity provider</CardTitle>
              <CardDescription>
                {counted(unassigned.length, "container instance")} registered outside the
                cluster&apos;s providers: only a launch type of EC2 places tasks here, and nothing
                scales them.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent className="grid gap-3 md:grid-cols-2">
            <CapacityBar
              subject="Without a capacity provider"
              resource="CPU"
              unit="units"
              registered={unassigned.reduce((a, i) => a + i.registered.cpu, 0)}
              reserved={unassigned.reduce((a, i) => a + i.registered.cpu - i.remaining.cpu, 0)}
            />
            <CapacityBar
              subject="Without a capacity provider"
              resource="Memory"
              unit="MiB"
              registered={unassigned.reduce((a, i) => a + i.registered.memory, 0)}
              reserved={unassigned.reduce(
                (a, i) => a + i.registered.memory - i.remaining.memory,
                0,
              )}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function ProviderCards({ providers, instances, defaultStrategy }: ProvidersSectionProps) {
  if (providers.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No capacity providers are associated with this cluster.
      </p>
    );
  }
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-4" aria-label="Capacity providers">
      {providers.map((p) => {
        const mine = instances.filter((i) => i.capacityProviderName === p.name);
        const sum = (f: (i: ContainerInstance) => number) => mine.reduce((acc, i) => acc + f(i), 0);
        const inDefault = defaultStrategy.find((s) => s.capacityProvider === p.name);
        const fargate = p.kind !== "AUTO_SCALING_GROUP";
        return (
          <li key={p.name}>
            <Card aria-label={`Capacity provider ${p.name}`} className="h-full">
              <CardHeader>
                <div>
                  <CardTitle>{p.name}</CardTitle>
                  <CardDescription>
                    {fargate ? "AWS Fargate (serverless)" : "EC2 Auto Scaling group"}
                  </CardDescription>
                </div>
                <div className="flex gap-1">
                  <Badge tone={p.status === "ACTIVE" ? "success" : "warning"}>{p.status}</Badge>
                  {inDefault ? <Badge tone="info">default</Badge> : null}
                </div>
              </CardHeader>
              <CardContent className="space-y-3 text-sm">
                <dl>
                  {fargate ? (
                    <Detail term="Capacity">managed by AWS</Detail>
                  ) : (
                    <>
                      <Detail term="Auto Scaling group">
                        {autoScalingGroupName(p.autoScalingGroupArn) ?? "—"}
                      </Detail>
                      <Detail term="Managed scaling">{p.managedScaling?.status ?? "—"}</Detail>
                      <Detail term="Target capacity">
                        {p.managedScaling?.targetCapacity != null
                          ? `${p.managedScaling.targetCapacity}%`
                          : "—"}
                      </Detail>
                      <Detail term="Scaling step">
                        {p.managedScaling
                          ? `${p.managedScaling.minimumScalingStepSize ?? "?"}–${p.managedScaling.maximumScalingStepSize ?? "?"} instances`
                          : "—"}
                      </Detail>
                      <Detail term="Termination protection">
                        {p.managedTerminationProtection ?? "—"}
                      </Detail>
                    </>
                  )}
                  <Detail term="Default strategy">
                    {inDefault
                      ? `base ${inDefault.base} · weight ${inDefault.weight}`
                      : "not in default"}
                  </Detail>
                </dl>
                {fargate ? null : (
                  <div className="space-y-2 border-t border-border pt-3">
                    <p className="text-xs text-muted-foreground">
                      {counted(mine.length, "container instance")}
                    </p>
                    <CapacityBar
                      subject={p.name}
                      resource="CPU"
                      unit="units"
                      registered={sum((i) => i.registered.cpu)}
                      reserved={sum((i) => i.registered.cpu - i.remaining.cpu)}
                    />
                    <CapacityBar
                      subject={p.name}
                      resource="Memory"
                      unit="MiB"
                      registered={sum((i) => i.registered.memory)}
                      reserved={sum((i) => i.registered.memory - i.remaining.memory)}
                    />
                  </div>
                )}
              </CardContent>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
