import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ContainerInstance } from "@/lib/snapshot/schema";

import { CapacityBar } from "./capacity-bar";

export interface InstancesSectionProps {
  instances: ContainerInstance[];
}

/** Container instances with reserved vs free CPU and memory per instance. */
export function InstancesSection({ instances }: InstancesSectionProps) {
  const sorted = [...instances].sort(
    (a, b) =>
      (a.capacityProviderName ?? "").localeCompare(b.capacityProviderName ?? "") ||
      (a.ec2InstanceId ?? a.arn).localeCompare(b.ec2InstanceId ?? b.arn),
  );
  return (
    <Table aria-label="Container instances">
      <thead>
        <tr>
          <Th>Instance</Th>
          <Th>Type</Th>
          <Th>Zone</Th>
          <Th>Capacity provider</Th>
          <Th>Status</Th>
          <Th>CPU</Th>
          <Th>Memory</Th>
          <Th className="text-right">Running</Th>
          <Th className="text-right">Pending</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((i) => {
          const subject = `${i.instanceType ?? "instance"} ${i.ec2InstanceId ?? i.arn.split("/").pop()}`;
          return (
            <tr key={i.arn}>
              <Td className="font-mono text-xs">{i.ec2InstanceId ?? i.arn.split("/").pop()}</Td>
              <Td>{i.instanceType ?? "—"}</Td>
              <Td>{i.availabilityZone ?? "—"}</Td>
              <Td>
                {i.capacityProviderName ?? <span className="text-muted-foreground">none</span>}
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  <Badge tone={i.status === "ACTIVE" ? "success" : "warning"}>{i.status}</Badge>
                  <Badge tone={i.agentConnected ? "neutral" : "destructive"}>
                    {i.agentConnected ? "agent connected" : "agent disconnected"}
                  </Badge>
                </div>
              </Td>
              <Td>
                <CapacityBar
                  subject={subject}
                  resource="CPU"
                  unit="units"
                  registered={i.registered.cpu}
                  reserved={i.registered.cpu - i.remaining.cpu}
                />
              </Td>
              <Td>
                <CapacityBar
                  subject={subject}
                  resource="Memory"
                  unit="MiB"
                  registered={i.registered.memory}
                  reserved={i.registered.memory - i.remaining.memory}
                />
              </Td>
              <Td className="text-right tabular-nums">{i.runningTasksCount}</Td>
              <Td className="text-right tabular-nums">{i.pendingTasksCount}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
