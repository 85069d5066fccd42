import "server-only";

import { awsError, page } from "./ecs-mock";

/** An in-memory ECS account for unit tests of paging and batching (not used against servers). */
export function fakeWorld(sizes: { instances: number; providers: number; families: number }) {
  const region = "us-east-1";
  const acct = "123456789012";
  const providerNames = Array.from({ length: sizes.providers }, (_, i) => `asg-${i + 1}`);
  const instanceArns = Array.from(
    { length: sizes.instances },
    (_, i) => `arn:aws:ecs:${region}:${acct}:container-instance/big/${String(i).padStart(5, "0")}`,
  );
  const families = Array.from(
    { length: sizes.families },
    (_, i) => `family-${String(i).padStart(5, "0")}`,
  );
  const cluster = {
    clusterName: "big",
    clusterArn: `arn:aws:ecs:${region}:${acct}:cluster/big`,
    status: "ACTIVE",
    capacityProviders: [...providerNames, "FARGATE"],
    defaultCapacityProviderStrategy: [{ capacityProvider: "asg-1", base: 1, weight: 1 }],
    registeredContainerInstancesCount: sizes.instances,
    runningTasksCount: 0,
    pendingTasksCount: 0,
  };

  const handler = (op: string, input: Record<string, unknown>): unknown => {
    switch (op) {
      case "ListClusters": {
        const p = page([cluster.clusterArn], input);
        return { clusterArns: p.items, nextToken: p.nextToken };
      }
      case "DescribeClusters": {
        const names = input.clusters as string[];
        if (names.length > 100) throw awsError("InvalidParameterException", "too many clusters");
        const known = names.filter((n) => n === "big" || n === cluster.clusterArn);
        return {
          clusters: known.map(() => cluster),
          failures: names
            .filter((n) => !known.includes(n))
            .map((n) => ({ arn: n, reason: "MISSING" })),
        };
      }
      case "DescribeCapacityProviders": {
        const names = (input.capacityProviders as string[] | undefined) ?? [];
        if (names.length === 0 || names.length > 10)
          throw awsError("ServerException", "names required", 500);
        return {
          capacityProviders: names.map((name) => ({
            name,
            capacityProviderArn: `arn:aws:ecs:${region}:${acct}:capacity-provider/${name}`,
            status: "ACTIVE",
            autoScalingGroupProvider: {
              autoScalingGroupArn: `arn:aws:autoscaling:${region}:${acct}:autoScalingGroup:x:autoScalingGroupName/${name}`,
              managedScaling: {
                status: "ENABLED",
                targetCapacity: 90,
                minimumScalingStepSize: 1,
                maximumScalingStepSize: 5,
              },
              managedTerminationProtection: "ENABLED",
            },
          })),
        };
      }
      case "ListContainerInstances": {
        const p = page(instanceArns, input, Math.min(Number(input.maxResults ?? 100), 100));
        return { containerInstanceArns: p.items, nextToken: p.nextToken };
      }
      case "DescribeContainerInstances": {
        const ids = input.containerInstances as string[];
        if (ids.length === 0) throw awsError("ServerException", "empty", 500);
        if (ids.length > 100) throw awsError("InvalidParameterException", "too many instances");
        return {
          containerInstances: ids.map((arn, i) => ({
            containerInstanceArn: arn,
            ec2InstanceId: `i-${i}`,
            status: "ACTIVE",
            agentConnected: true,
            capacityProviderName: "asg-1",
            registeredResources: [
              { name: "CPU", integerValue: 2048 },
              { name: "MEMORY", integerValue: 3904 },
            ],
            remainingResources: [
              { name: "CPU", integerValue: 1024 },
              { name: "MEMORY", integerValue: 2880 },
            ],
            attributes: [
              { name: "ecs.instance-type", value: "m5.large" },
              { name: "ecs.availability-zone", value: "us-east-1a" },
            ],
            runningTasksCount: 2,
            pendingTasksCount: 0,
          })),
        };
      }
      case "ListTaskDefinitionFamilies": {
        const p = page(families, input, Math.min(Number(input.maxResults ?? 100), 100));
        return { families: p.items, nextToken: p.nextToken };
      }
      case "DescribeTaskDefinition": {
        const family = String(input.taskDefinition);
        if (!families.includes(family))
          throw awsError("ClientException", "Unable to describe task definition.");
        return {
          taskDefinition: {
            taskDefinitionArn: `arn:aws:ecs:${region}:${acct}:task-definition/${family}:3`,
            family,
            revision: 3,
            status: "ACTIVE",
            compatibilities: ["EC2", "FARGATE"],
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: "512",
            memory: "1024",
            containerDefinitions: [
              {
                name: "app",
                image: "app:1",
                environment: [{ name: "DB_PASSWORD", value: "hunter2" }],
                secrets: [{ name: "API_TOKEN", valueFrom: "arn:aws:ssm:::parameter/token" }],
              },
            ],
          },
        };
      }
      case "ListTaskDefinitions": {
        // every family has revisions 1..3 ACTIVE (3 is the one DescribeTaskDefinition returns)
        const family = String(input.familyPrefix);
        const arns = families.includes(family)
          ? [1, 2, 3].map((r) => `arn:aws:ecs:${region}:${acct}:task-definition/${family}:${r}`)
          : [];
        const p = page(arns, input, Math.min(Number(input.maxResults ?? 100), 100));
        return { taskDefinitionArns: p.items, nextToken: p.nextToken };
      }
      default:
        throw new Error(`fake ECS does not implement ${op}`);
    }
  };
  return { handler, providerNames, instanceArns, families };
}
