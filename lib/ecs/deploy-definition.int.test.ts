/**
 * docs/deploy: Pooldeck's own ECS task definition and service, registered in an emulator of our
 * own (moto) and read back the way Pooldeck reads task definitions, then held to what the deploy
 * README promises: every secret comes from Secrets Manager (`secrets`, never `environment`),
 * Pooldeck's configuration accepts the container's variables, two Fargate tasks run in awsvpc on
 * private subnets without a public IP behind a load balancer, and the container health check,
 * the Dockerfile's HEALTHCHECK and the target group probe the liveness route.
 */
import { readFileSync } from "node:fs";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type CreateServiceCommandInput,
  type RegisterTaskDefinitionCommandInput,
} from "@aws-sdk/client-ecs";
import {
  CreateInternetGatewayCommand,
  AttachInternetGatewayCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isValidFargatePair } from "@/lib/checks";
import { parseAuthConfig } from "@/lib/env/auth-schema";
import { parseConfig } from "@/lib/env/schema";
import { isSecretVariableName } from "@/lib/security/secret-scan";
import { startPrivateMoto } from "@/testing/private-moto";

import { createEcsContext } from "./context";
import { describeTaskDefinitions } from "./snapshot";

const REGION = "us-east-1";
const LIVENESS_PATH = "/api/health/live";
const json = <T>(path: string) => JSON.parse(readFileSync(path, "utf8")) as T;
const taskDefinition = json<RegisterTaskDefinitionCommandInput>("docs/deploy/task-definition.json");
const service = json<CreateServiceCommandInput>("docs/deploy/service.json");
const targetGroup = json<{ HealthCheckPath: string; Port: number; TargetType: string }>(
  "docs/deploy/target-group.json",
);
const container = taskDefinition.containerDefinitions![0]!;

let moto: Awaited<ReturnType<typeof startPrivateMoto>>;
let ecs: ECSClient;
let ec2: EC2Client;
const privateSubnets: string[] = [];

beforeAll(async () => {
  moto = await startPrivateMoto();
  const config = {
    endpoint: moto.endpoint,
    region: REGION,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  };
  ecs = new ECSClient(config);
  ec2 = new EC2Client(config);
  // a VPC with an internet gateway that the private subnets' (main) route table does not use
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }))).Vpc!.VpcId!;
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!;
  await ec2.send(
    new AttachInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId!, VpcId: vpc }),
  );
  for (const [i, az] of ["us-east-1a", "us-east-1b"].entries()) {
    const subnet = await ec2.send(
      new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.20.${i}.0/24`, AvailabilityZone: az }),
    );
    privateSubnets.push(subnet.Subnet!.SubnetId!);
  }
  const sg = await ec2.send(
    new CreateSecurityGroupCommand({ GroupName: "pooldeck", Description: "Pooldeck", VpcId: vpc }),
  );
  await ecs.send(new CreateClusterCommand({ clusterName: service.cluster }));
  await ecs.send(new RegisterTaskDefinitionCommand(taskDefinition));
  const awsvpc = service.networkConfiguration!.awsvpcConfiguration!;
  await ecs.send(
    new CreateServiceCommand({
      ...service,
      // the documented placeholders, replaced with the emulator's own ids
      networkConfiguration: {
        awsvpcConfiguration: { ...awsvpc, subnets: privateSubnets, securityGroups: [sg.GroupId!] },
      },
    }),
  );
});

afterAll(() => {
  ecs?.destroy();
  ec2?.destroy();
  moto?.stop();
});

describe("docs/deploy/task-definition.json, registered", () => {
  it("reads back through lib/ecs as a valid Fargate awsvpc definition naming every variable", async () => {
    const ctx = createEcsContext({ client: () => ecs });
    const read = (await describeTaskDefinitions(REGION, ["pooldeck"], { ctx })).pooldeck!;
    if (!read.ok) throw new Error(read.error.message);
    const td = read.data;
    expect([td.family, td.revision, td.networkMode, td.requiresCompatibilities]).toEqual([
      "pooldeck",
      1,
      "awsvpc",
      ["FARGATE"],
    ]);
    // Pooldeck's own Fargate size check (the ecs/task-definition rules use it)
    expect(isValidFargatePair(Number(td.cpu), Number(td.memory))).toBe(true);
    expect(td.containers.map((c) => [c.name, c.environmentNames])).toEqual([
      [
        "pooldeck",
        [
          "PREFECT_API_URL",
          "AWS_REGION",
          "NEXTAUTH_URL",
          "POOLDECK_OIDC_ISSUER",
          "POOLDECK_OIDC_CLIENT_ID",
          "POOLDECK_OIDC_EDITOR_VALUES",
          "POOLDECK_LOG_LEVEL",
          "POOLDECK_AUTH_SECRET",
          "PREFECT_API_KEY",
          "DATABASE_URL",
          "POOLDECK_OIDC_CLIENT_SECRET",
        ],
      ],
    ]);
  });

  it("keeps every secret-looking variable out of `environment`: they come from Secrets Manager", async () => {
    const described = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "pooldeck" }),
    );
    const [registered] = described.taskDefinition!.containerDefinitions!;
    const plain = (registered!.environment ?? []).map((e) => e.name!);
    expect(plain.filter(isSecretVariableName)).toEqual([]);
    const secrets = registered!.secrets ?? [];
    expect(secrets.map((s) => s.name)).toEqual([
      "POOLDECK_AUTH_SECRET",
      "PREFECT_API_KEY",
      "DATABASE_URL",
      "POOLDECK_OIDC_CLIENT_SECRET",
    ]);
    for (const s of secrets) {
      expect(isSecretVariableName(s.name!)).toBe(true);
      expect(s.valueFrom).toMatch(
        /^arn:aws:secretsmanager:us-east-1:123456789012:secret:pooldeck\/[a-z-]+-[A-Za-z0-9]{6}$/,
      );
    }
    expect(described.taskDefinition!.taskRoleArn).toBe(
      "arn:aws:iam::123456789012:role/pooldeck-task",
    );
    expect(described.taskDefinition!.executionRoleArn).toBe(
      "arn:aws:iam::123456789012:role/pooldeck-execution",
    );
  });

  it("starts: Pooldeck's start-up validation accepts the container's variables (secrets stand in)", () => {
    const env: Record<string, string> = {};
    for (const e of container.environment ?? []) env[e.name!] = e.value!;
    const standIns: Record<string, string> = {
      POOLDECK_AUTH_SECRET: "a-32-character-session-secret-0123456789",
      PREFECT_API_KEY: "pnu_standInKey0123456789",
      DATABASE_URL: "postgres://pooldeck:stand-in@db.internal:5432/pooldeck",
      POOLDECK_OIDC_CLIENT_SECRET: "stand-in-oidc-client-secret",
    };
    for (const s of container.secrets ?? []) env[s.name!] = standIns[s.name!]!;
    const config = parseConfig({ ...env, NODE_ENV: "production" });
    // both tasks share one PostgreSQL audit history
    expect(config.audit.databaseUrl).toBe(standIns.DATABASE_URL);
    expect(config.prefect.cloud).not.toBeNull();
    const auth = parseAuthConfig({ ...env, NODE_ENV: "production" });
    expect(auth.mode).toBe("enforced");
  });

  it("probes the liveness route from the container, the Dockerfile and the target group alike", () => {
    const health = container.healthCheck!;
    const command = health.command!;
    expect(command.slice(0, 3)).toEqual(["CMD", "node", "-e"]);
    const port = container.portMappings![0]!.containerPort!;
    expect(command[3]).toContain(`fetch('http://127.0.0.1:${port}${LIVENESS_PATH}')`);
    const dockerfile = readFileSync("Dockerfile", "utf8");
    const healthcheck = /^HEALTHCHECK [^\n]*\\\n\s+CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(healthcheck ?? "null")).toEqual(command.slice(1));
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    expect(dockerfile).toMatch(/^USER pooldeck$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "pooldeck-server.mjs"\]$/m);
    expect(targetGroup).toMatchObject({
      HealthCheckPath: LIVENESS_PATH,
      Port: port,
      TargetType: "ip",
    });
    expect(container.logConfiguration).toMatchObject({
      logDriver: "awslogs",
      options: { "awslogs-group": "/ecs/pooldeck", "awslogs-stream-prefix": "pooldeck" },
    });
  });
});

describe("docs/deploy/service.json, created", () => {
  it("runs two Fargate tasks in awsvpc on private subnets without a public IP, behind the load balancer", async () => {
    const described = await ecs.send(
      new DescribeServicesCommand({ cluster: service.cluster, services: [service.serviceName!] }),
    );
    const created = described.services![0]!;
    expect([created.serviceName, created.desiredCount, created.launchType]).toEqual([
      "pooldeck",
      2,
      "FARGATE",
    ]);
    expect(created.taskDefinition).toMatch(/:task-definition\/pooldeck:1$/);
    expect(created.networkConfiguration!.awsvpcConfiguration).toMatchObject({
      subnets: privateSubnets,
      assignPublicIp: "DISABLED",
    });
    expect(created.loadBalancers).toEqual([
      {
        targetGroupArn: service.loadBalancers![0]!.targetGroupArn,
        containerName: container.name,
        containerPort: container.portMappings![0]!.containerPort,
      },
    ]);
    // private: no public IP on launch, and no route to an internet gateway
    const subnets = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: privateSubnets }));
    expect(subnets.Subnets!.map((s) => s.MapPublicIpOnLaunch)).toEqual([false, false]);
    const vpcId = subnets.Subnets![0]!.VpcId!;
    const tables = await ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }),
    );
    const routes = tables.RouteTables!.flatMap((t) => t.Routes ?? []);
    expect(routes.filter((r) => r.GatewayId?.startsWith("igw-"))).toEqual([]);
  });
});
