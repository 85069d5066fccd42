/**
 * Which endpoint getDefaultTemplates asks on Prefect Cloud (there is no Cloud in the test
 * environment): a local HTTP server records the path and answers in the collection registry's
 * shape. The self-hosted path is covered against the real server in work-pools.int.test.ts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, expect, it } from "vitest";

import { createPrefectClient } from "./client";
import { getDefaultTemplates } from "./work-pools";

const ACCOUNT = "11111111-1111-1111-1111-111111111111";
const WORKSPACE = "22222222-2222-2222-2222-222222222222";
const template = (name: string) => ({
  job_configuration: { name: "{{ x }}" },
  variables: { properties: { x: { default: name } } },
});

let server: Server;
let base = "";
const paths: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        "prefect-aws": {
          ecs: {
            type: "ecs",
            display_name: "AWS Elastic Container Service",
            default_base_job_configuration: template("hybrid"),
          },
          "ecs-push": {
            type: "ecs:push",
            display_name: "AWS ECS - Push",
            default_base_job_configuration: template("push"),
          },
        },
        broken: "not an object",
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("reads Prefect Cloud's work_pool_types on the workspace and keys templates by pool type", async () => {
  const client = createPrefectClient({
    apiUrl: `${base}/accounts/${ACCOUNT}/workspaces/${WORKSPACE}`,
    apiKey: "pnu_test",
    cloud: { accountId: ACCOUNT, workspaceId: WORKSPACE },
  });
  const templates = await getDefaultTemplates(client);
  expect(paths).toEqual([
    `GET /api/accounts/${ACCOUNT}/workspaces/${WORKSPACE}/collections/work_pool_types Bearer pnu_test`,
  ]);
  expect(templates).toEqual({
    ecs: {
      type: "ecs",
      displayName: "AWS Elastic Container Service",
      description: null,
      collection: "prefect-aws",
      baseJobTemplate: template("hybrid"),
    },
    "ecs:push": {
      type: "ecs:push",
      displayName: "AWS ECS - Push",
      description: null,
      collection: "prefect-aws",
      baseJobTemplate: template("push"),
    },
  });
});
