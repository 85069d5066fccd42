/**
 * The AWS resources the ground-truth scenarios need, created in moto with the AWS SDK. Names are
 * unique per run so the harness never resets or disturbs what other tests put into the emulator.
 */
import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DeregisterTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";

export type AwsWorld = {
  /** Suffix that makes every name of this run unique. */
  runId: string;
  clusterFor(scenarioId: string): string;
  clusterNames: string[];
  defaultVpc: { id: string; subnetIds: string[] };
  customVpc: { id: string; subnetIds: string[]; securityGroupId: string };
  /** A task definition registered before the worker runs, for the task_definition_arn scenario. */
  existingTaskDefinition: { arn: string; family: string };
};

const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

/** SDK clients pointed at moto on `endpoint`. */
export function awsClients(endpoint: string) {
  const config = { endpoint, region: "us-east-1", credentials };
  return { ecs: new ECSClient(config), ec2: new EC2Client(config) };
}

/** Subnet ids of a VPC in the order EC2 DescribeSubnets returns them (the order the worker uses). */
export async function subnetIdsOf(ec2: EC2Client, vpcId: string): Promise<string[]> {
  const res = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }),
  );
  return (res.Subnets ?? []).map((s) => s.SubnetId ?? "");
}

/** Creates one cluster per scenario, a custom VPC with two subnets and a security group, and a task definition. */
export async function createAwsWorld(endpoint: string, scenarioIds: string[]): Promise<AwsWorld> {
  const { ecs, ec2 } = awsClients(endpoint);
  const runId = Math.random().toString(36).slice(2, 8);
  const clusterFor = (id: string) => `gt-${id}-${runId}`;
  await Promise.all(
    scenarioIds.map((id) => ecs.send(new CreateClusterCommand({ clusterName: clusterFor(id) }))),
  );

  // moto creates a default VPC with default subnets per region on first use
  const vpcs = await ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: "isDefault", Values: ["true"] }] }),
  );
  const defaultVpcId = vpcs.Vpcs?.[0]?.VpcId;
  if (!defaultVpcId) throw new Error("the emulator has no default VPC in us-east-1");

  const octet = 100 + Math.floor(Math.random() * 100);
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${octet}.0.0/16` }));
  const customVpcId = vpc.Vpc?.VpcId ?? "";
  for (const [i, az] of ["us-east-1a", "us-east-1b"].entries()) {
    await ec2.send(
      new CreateSubnetCommand({
        VpcId: customVpcId,
        CidrBlock: `10.${octet}.${i}.0/24`,
        AvailabilityZone: az,
      }),
    );
  }
  const sg = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `gt-${runId}`,
      Description: "ground truth",
      VpcId: customVpcId,
    }),
  );

  const family = `gt-existing-${runId}`;
  const td = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      requiresCompatibilities: ["EC2"],
      networkMode: "bridge",
      containerDefinitions: [
        { name: "prefect", image: "prefecthq/prefect:3-latest", cpu: 512, memory: 1024 },
      ],
    }),
  );

  return {
    runId,
    clusterFor,
    clusterNames: scenarioIds.map(clusterFor),
    defaultVpc: { id: defaultVpcId, subnetIds: await subnetIdsOf(ec2, defaultVpcId) },
    customVpc: {
      id: customVpcId,
      subnetIds: await subnetIdsOf(ec2, customVpcId),
      securityGroupId: sg.GroupId ?? "",
    },
    existingTaskDefinition: { arn: td.taskDefinition?.taskDefinitionArn ?? "", family },
  };
}

/**
 * Removes what createAwsWorld made, plus the task definitions the worker registered (best effort:
 * a cluster with a task moto placed stays).
 */
export async function destroyAwsWorld(endpoint: string, world: AwsWorld, registered: string[]) {
  const { ecs, ec2 } = awsClients(endpoint);
  const quietly = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      () => undefined,
    );
  // also what scenarios that failed midway registered: their generated families carry the run id
  const listed = await ecs
    .send(new ListTaskDefinitionsCommand({ familyPrefix: "prefect_gt-", maxResults: 100 }))
    .then((r) => (r.taskDefinitionArns ?? []).filter((arn) => arn.includes(`-${world.runId}_`)))
    .catch(() => []);
  await Promise.all([
    ...[...new Set([...registered, ...listed, world.existingTaskDefinition.arn])].map((arn) =>
      quietly(ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }))),
    ),
    ...world.clusterNames.map((name) =>
      quietly(ecs.send(new DeleteClusterCommand({ cluster: name }))),
    ),
  ]);
  await quietly(
    ec2.send(new DeleteSecurityGroupCommand({ GroupId: world.customVpc.securityGroupId })),
  );
  for (const id of world.customVpc.subnetIds) {
    await quietly(ec2.send(new DeleteSubnetCommand({ SubnetId: id })));
  }
  await quietly(ec2.send(new DeleteVpcCommand({ VpcId: world.customVpc.id })));
}
