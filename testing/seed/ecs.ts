/**
 * Seeds the ECS emulator (moto) with the demo world: `demo-cluster` with two EC2
 * Auto Scaling group capacity providers plus FARGATE/FARGATE_SPOT, four registered container
 * instances with tasks on them, a Fargate-only cluster, and three kinds of task definitions.
 *
 * Idempotent: every resource is looked up first and created only when missing, so seeding twice
 * gives the same world. Standalone: `npx tsx testing/seed/ecs.ts [--endpoint URL]`.
 */
import {
  AutoScalingClient,
  AttachInstancesCommand,
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
} from "@aws-sdk/client-auto-scaling";
import {
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  RunInstancesCommand,
  type _InstanceType,
} from "@aws-sdk/client-ec2";
import {
  CreateCapacityProviderCommand,
  CreateClusterCommand,
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTasksCommand,
  PutAttributesCommand,
  PutClusterCapacityProvidersCommand,
  RegisterContainerInstanceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StartTaskCommand,
  type RegisterTaskDefinitionCommandInput,
} from "@aws-sdk/client-ecs";

const AMI = "ami-760aaa0f";
/**
 * moto does not record which capacity provider launched a container instance (real ECS reports
 * `capacityProviderName`), so the seed tags each instance with this attribute; lib/ecs reads it
 * only when `capacityProviderName` is absent.
 */
export const EMULATOR_PROVIDER_ATTRIBUTE = "pooldeck.capacity-provider";

/** SDK client settings for the emulator: its endpoint, a region and dummy keys. */
export function emulatorClientConfig(endpoint: string, region: string) {
  return { endpoint, region, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
}

/** The seeded names and numbers, so tests assert exact values. */
export const SEED = {
  region: "us-east-1",
  cluster: "demo-cluster",
  fargateCluster: "fargate-cluster",
  providers: {
    general: {
      name: "general-asg",
      asg: "pooldeck-general",
      targetCapacity: 80,
      minimumScalingStepSize: 1,
      maximumScalingStepSize: 4,
    },
    gpu: {
      name: "gpu-asg",
      asg: "pooldeck-gpu",
      targetCapacity: 100,
      minimumScalingStepSize: 1,
      maximumScalingStepSize: 2,
    },
  },
  defaultStrategy: [
    { capacityProvider: "general-asg", base: 1, weight: 4 },
    { capacityProvider: "gpu-asg", base: 0, weight: 1 },
  ],
  fargateDefaultStrategy: [
    { capacityProvider: "FARGATE", base: 1, weight: 1 },
    { capacityProvider: "FARGATE_SPOT", base: 0, weight: 3 },
  ],
  securityGroup: "pooldeck-tasks",
  taskDefinitions: {
    ec2: "pooldeck-ec2-bridge",
    fargate: "pooldeck-fargate",
    both: "pooldeck-ec2-and-fargate",
  },
  /**
   * Part of a task definition environment value (DATABASE_URL of the EC2 definition): the secret
   * scan (scripts/scan-secrets.ts) fails if it ever reaches the browser.
   */
  taskDefinitionEnvCanary: "pooldeck-canary-td-env-4b7e19",
  /** moto registers every container instance with 4096 CPU units and 7482 MiB */
  registered: { cpu: 4096, memory: 7482 },
  /** each instance: type, AZ, provider, and how many tasks of the EC2 task definition run on it */
  instances: [
    { key: "general-1", type: "m5.large", az: "us-east-1a", provider: "general-asg", tasks: 2 },
    { key: "general-2", type: "c5.xlarge", az: "us-east-1b", provider: "general-asg", tasks: 1 },
    { key: "general-3", type: "t3.large", az: "us-east-1c", provider: "general-asg", tasks: 0 },
    { key: "gpu-1", type: "g4dn.xlarge", az: "us-east-1a", provider: "gpu-asg", tasks: 3 },
  ],
  /** container-level reservations of the task definitions (what EC2 placement reserves) */
  reservations: { ec2: { cpu: 512, memory: 1024 }, both: { cpu: 256, memory: 512 } },
  /** moto's StartTask cannot pass a network configuration, so only the bridge definition is placed */
  fargateTasks: 2,
} as const;

const TASK_DEFINITIONS: RegisterTaskDefinitionCommandInput[] = [
  {
    family: SEED.taskDefinitions.ec2,
    networkMode: "bridge",
    requiresCompatibilities: ["EC2"],
    containerDefinitions: [
      {
        name: "worker",
        image: "prefecthq/prefect:3-python3.12",
        cpu: SEED.reservations.ec2.cpu,
        memory: SEED.reservations.ec2.memory,
        essential: true,
        // values are secrets in real accounts; the dashboard must only ever show the names
        environment: [
          { name: "PREFECT_LOGGING_LEVEL", value: "INFO" },
          {
            name: "DATABASE_URL",
            value: `postgres://app:s3cret-${SEED.taskDefinitionEnvCanary}@db.internal/app`,
          },
        ],
      },
    ],
  },
  {
    family: SEED.taskDefinitions.fargate,
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "1024",
    memory: "2048",
    containerDefinitions: [
      {
        name: "prefect",
        image: "prefecthq/prefect:3-latest",
        cpu: 1024,
        memory: 2048,
        essential: true,
        environment: [{ name: "PREFECT_API_URL", value: "http://prefect.internal:4200/api" }],
      },
    ],
  },
  {
    family: SEED.taskDefinitions.both,
    networkMode: "awsvpc",
    requiresCompatibilities: ["EC2", "FARGATE"],
    cpu: "256",
    memory: "512",
    containerDefinitions: [
      {
        name: "etl",
        image: "public.ecr.aws/docker/library/python:3.12-slim",
        cpu: SEED.reservations.both.cpu,
        memory: SEED.reservations.both.memory,
        essential: true,
      },
    ],
  },
];

interface Clients {
  ecs: ECSClient;
  ec2: EC2Client;
  asg: AutoScalingClient;
}

/** Builds the demo ECS world in the emulator at `endpoint`; safe to run repeatedly. */
export async function seedEcs(opts: { endpoint: string; region?: string }): Promise<void> {
  const config = emulatorClientConfig(opts.endpoint, opts.region ?? SEED.region);
  const c: Clients = {
    ecs: new ECSClient(config),
    ec2: new EC2Client(config),
    asg: new AutoScalingClient(config),
  };
  try {
    const network = await ensureNetwork(c);
    await ensureTaskDefinitions(c);
    await ensureAutoScaling(c);
    await ensureCapacityProviders(c);
    await ensureClusters(c);
    const instances = await ensureContainerInstances(c);
    await ensureTasks(c, network, instances);
  } finally {
    c.ecs.destroy();
    c.ec2.destroy();
    c.asg.destroy();
  }
}

async function ensureNetwork(c: Clients): Promise<{ subnets: string[]; securityGroup: string }> {
  const vpcs = await c.ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }),
  );
  const vpcId = vpcs.Vpcs?.[0]?.VpcId;
  if (!vpcId) throw new Error("the emulator has no default VPC");
  const subnets = await c.ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }),
  );
  const subnetIds = (subnets.Subnets ?? []).map((s) => s.SubnetId!).sort();
  const existing = await c.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: "vpc-id", Values: [vpcId] },
        { Name: "group-name", Values: [SEED.securityGroup] },
      ],
    }),
  );
  let sg = existing.SecurityGroups?.[0]?.GroupId;
  if (!sg) {
    const created = await c.ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: SEED.securityGroup,
        Description: "Prefect flow run tasks",
        VpcId: vpcId,
      }),
    );
    sg = created.GroupId!;
  }
  return { subnets: subnetIds, securityGroup: sg };
}

async function ensureTaskDefinitions(c: Clients): Promise<void> {
  const families = new Set(
    (await c.ecs.send(new ListTaskDefinitionFamiliesCommand({}))).families ?? [],
  );
  for (const td of TASK_DEFINITIONS) {
    if (!families.has(td.family!)) await c.ecs.send(new RegisterTaskDefinitionCommand(td));
  }
}

async function ensureAutoScaling(c: Clients): Promise<void> {
  for (const p of Object.values(SEED.providers)) {
    const ltName = `${p.asg}-lt`;
    const lts = await c.ec2
      .send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: [ltName] }))
      .catch(() => ({ LaunchTemplates: [] }));
    if (!lts.LaunchTemplates?.length) {
      const type = SEED.instances.find((i) => i.provider === p.name)!.type;
      await c.ec2.send(
        new CreateLaunchTemplateCommand({
          LaunchTemplateName: ltName,
          LaunchTemplateData: { ImageId: AMI, InstanceType: type as _InstanceType },
        }),
      );
    }
    const groups = await c.asg.send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [p.asg] }),
    );
    if (!groups.AutoScalingGroups?.length) {
      await c.asg.send(
        new CreateAutoScalingGroupCommand({
          AutoScalingGroupName: p.asg,
          LaunchTemplate: { LaunchTemplateName: ltName, Version: "$Latest" },
          MinSize: 0,
          MaxSize: 10,
          DesiredCapacity: 0,
          AvailabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
          NewInstancesProtectedFromScaleIn: true,
        }),
      );
    }
  }
}

async function asgArn(c: Clients, name: string): Promise<string> {
  const groups = await c.asg.send(
    new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }),
  );
  const arn = groups.AutoScalingGroups?.[0]?.AutoScalingGroupARN;
  if (!arn) throw new Error(`Auto Scaling group ${name} is missing`);
  return arn;
}

async function ensureCapacityProviders(c: Clients): Promise<void> {
  const names = Object.values(SEED.providers).map((p) => p.name);
  const found = await c.ecs.send(
    new DescribeCapacityProvidersCommand({ capacityProviders: names }),
  );
  const have = new Set((found.capacityProviders ?? []).map((p) => p.name));
  for (const p of Object.values(SEED.providers)) {
    if (have.has(p.name)) continue;
    await c.ecs.send(
      new CreateCapacityProviderCommand({
        name: p.name,
        autoScalingGroupProvider: {
          autoScalingGroupArn: await asgArn(c, p.asg),
          managedScaling: {
            status: "ENABLED",
            targetCapacity: p.targetCapacity,
            minimumScalingStepSize: p.minimumScalingStepSize,
            maximumScalingStepSize: p.maximumScalingStepSize,
          },
          managedTerminationProtection: "ENABLED",
        },
      }),
    );
  }
}

async function ensureClusters(c: Clients): Promise<void> {
  const wanted = [
    {
      name: SEED.cluster,
      providers: [SEED.providers.general.name, SEED.providers.gpu.name, "FARGATE", "FARGATE_SPOT"],
      strategy: SEED.defaultStrategy.map((s) => ({ ...s })),
    },
    {
      name: SEED.fargateCluster,
      providers: ["FARGATE", "FARGATE_SPOT"],
      strategy: SEED.fargateDefaultStrategy.map((s) => ({ ...s })),
    },
  ];
  const described = await c.ecs.send(
    new DescribeClustersCommand({ clusters: wanted.map((w) => w.name) }),
  );
  const have = new Set(
    (described.clusters ?? []).filter((x) => x.status === "ACTIVE").map((x) => x.clusterName),
  );
  for (const w of wanted) {
    // create_cluster on moto replaces an existing cluster and zeroes its counters, so only create when missing
    if (!have.has(w.name)) await c.ecs.send(new CreateClusterCommand({ clusterName: w.name }));
    await c.ecs.send(
      new PutClusterCapacityProvidersCommand({
        cluster: w.name,
        capacityProviders: w.providers,
        defaultCapacityProviderStrategy: w.strategy,
      }),
    );
  }
}

/** EC2 instance ids of the seeded instances by key, launching the missing ones. */
async function ensureEc2Instances(c: Clients): Promise<Map<string, string>> {
  const tagged = await c.ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: "tag:pooldeck-seed", Values: SEED.instances.map((i) => i.key) },
        { Name: "instance-state-name", Values: ["pending", "running"] },
      ],
    }),
  );
  const ids = new Map<string, string>();
  for (const r of tagged.Reservations ?? []) {
    for (const inst of r.Instances ?? []) {
      const key = inst.Tags?.find((t) => t.Key === "pooldeck-seed")?.Value;
      if (key && !ids.has(key)) ids.set(key, inst.InstanceId!);
    }
  }
  for (const spec of SEED.instances) {
    if (ids.has(spec.key)) continue;
    const run = await c.ec2.send(
      new RunInstancesCommand({
        ImageId: AMI,
        InstanceType: spec.type as _InstanceType,
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: spec.az },
        TagSpecifications: [
          {
            ResourceType: "instance",
            Tags: [
              { Key: "pooldeck-seed", Value: spec.key },
              { Key: "Name", Value: `pooldeck-${spec.key}` },
            ],
          },
        ],
      }),
    );
    const id = run.Instances?.[0]?.InstanceId;
    if (!id) throw new Error(`RunInstances returned no instance for ${spec.key}`);
    ids.set(spec.key, id);
    const asgName = Object.values(SEED.providers).find((p) => p.name === spec.provider)!.asg;
    await c.asg.send(
      new AttachInstancesCommand({ AutoScalingGroupName: asgName, InstanceIds: [id] }),
    );
  }
  return ids;
}

/** Container instance ARN per seeded key, registering the missing ones. */
async function ensureContainerInstances(c: Clients): Promise<Map<string, string>> {
  const ec2Ids = await ensureEc2Instances(c);
  const byEc2 = await registeredByEc2Id(c);
  const result = new Map<string, string>();
  for (const spec of SEED.instances) {
    const ec2Id = ec2Ids.get(spec.key)!;
    let arn = byEc2.get(ec2Id);
    if (!arn) {
      const doc = {
        instanceId: ec2Id,
        instanceType: spec.type,
        availabilityZone: spec.az,
        region: SEED.region,
      };
      const reg = await c.ecs.send(
        new RegisterContainerInstanceCommand({
          cluster: SEED.cluster,
          instanceIdentityDocument: JSON.stringify(doc),
          instanceIdentityDocumentSignature: "emulator",
        }),
      );
      arn = reg.containerInstance!.containerInstanceArn!;
    }
    // moto does not record which capacity provider launched an instance; see lib/ecs (emulator fallback)
    await c.ecs.send(
      new PutAttributesCommand({
        cluster: SEED.cluster,
        attributes: [{ name: EMULATOR_PROVIDER_ATTRIBUTE, value: spec.provider, targetId: arn }],
      }),
    );
    result.set(spec.key, arn);
  }
  return result;
}

async function registeredByEc2Id(c: Clients): Promise<Map<string, string>> {
  const list = await c.ecs.send(new ListContainerInstancesCommand({ cluster: SEED.cluster }));
  const arns = list.containerInstanceArns ?? [];
  const map = new Map<string, string>();
  // moto answers 500 to DescribeContainerInstances with an empty list
  if (arns.length === 0) return map;
  const described = await c.ecs.send(
    new DescribeContainerInstancesCommand({ cluster: SEED.cluster, containerInstances: arns }),
  );
  for (const ci of described.containerInstances ?? [])
    map.set(ci.ec2InstanceId!, ci.containerInstanceArn!);
  return map;
}

async function ensureTasks(
  c: Clients,
  network: { subnets: string[]; securityGroup: string },
  arns: Map<string, string>,
): Promise<void> {
  const described = await c.ecs.send(
    new DescribeContainerInstancesCommand({
      cluster: SEED.cluster,
      containerInstances: [...arns.values()],
    }),
  );
  const running = new Map(
    (described.containerInstances ?? []).map((ci) => [
      ci.containerInstanceArn!,
      ci.runningTasksCount ?? 0,
    ]),
  );
  for (const spec of SEED.instances) {
    const target = arns.get(spec.key)!;
    // StartTask pins a task to one instance, so each instance gets its own reserved/free numbers
    for (let i = running.get(target) ?? 0; i < spec.tasks; i++) {
      await c.ecs.send(
        new StartTaskCommand({
          cluster: SEED.cluster,
          taskDefinition: SEED.taskDefinitions.ec2,
          containerInstances: [target],
          startedBy: "pooldeck-seed",
        }),
      );
    }
  }
  const fargateRunning = await c.ecs.send(new ListTasksCommand({ cluster: SEED.fargateCluster }));
  const missing = SEED.fargateTasks - (fargateRunning.taskArns ?? []).length;
  if (missing > 0) {
    await c.ecs.send(
      new RunTaskCommand({
        cluster: SEED.fargateCluster,
        taskDefinition: SEED.taskDefinitions.fargate,
        launchType: "FARGATE",
        count: missing,
        startedBy: "pooldeck-seed",
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: network.subnets.slice(0, 2),
            securityGroups: [network.securityGroup],
            assignPublicIp: "DISABLED",
          },
        },
      }),
    );
  }
}

/**
 * Creates an IAM user with `policyDocument` inline and returns its access key, for tests that run
 * the emulator with IAM enforced (enable it afterwards with POST /moto-api/reset-auth "0").
 */
export async function seedIamUser(
  endpoint: string,
  userName: string,
  policyDocument: string,
): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const iam = async (params: Record<string, string>) => {
    // before IAM is enforced moto only needs the credential scope to route the call to IAM
    const res = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization:
          "AWS4-HMAC-SHA256 Credential=setup/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0",
      },
      body: new URLSearchParams({ Version: "2010-05-08", ...params }).toString(),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`IAM ${params.Action}: ${res.status} ${text}`);
    return text;
  };
  await iam({ Action: "CreateUser", UserName: userName });
  await iam({
    Action: "PutUserPolicy",
    UserName: userName,
    PolicyName: "pooldeck",
    PolicyDocument: policyDocument,
  });
  const xml = await iam({ Action: "CreateAccessKey", UserName: userName });
  const key = /<AccessKeyId>([^<]+)</.exec(xml)?.[1];
  const secret = /<SecretAccessKey>([^<]+)</.exec(xml)?.[1];
  if (!key || !secret) throw new Error(`IAM CreateAccessKey returned no key: ${xml}`);
  return { accessKeyId: key, secretAccessKey: secret };
}

function endpointFromArgs(): string {
  const i = process.argv.indexOf("--endpoint");
  const fromArg = i >= 0 ? process.argv[i + 1] : undefined;
  const port = process.env.POOLDECK_MOTO_PORT ?? "5000";
  return (
    fromArg ??
    process.env.AWS_ENDPOINT_URL_ECS ??
    process.env.AWS_ENDPOINT_URL ??
    `http://127.0.0.1:${port}`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const endpoint = endpointFromArgs();
  seedEcs({ endpoint }).then(
    () =>
      console.log(
        `[pooldeck] ECS emulator seeded at ${endpoint}: ${SEED.cluster}, ${SEED.fargateCluster}`,
      ),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
