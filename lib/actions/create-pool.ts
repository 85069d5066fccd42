"use server";

import { z } from "zod";
import { auditRecorderFor } from "@/lib/audit/server";
import { getPrefectClient } from "@/lib/prefect/client";
import { createEcsPool, type PoolSource } from "@/lib/push/pool-writes";
import { defineAction } from "./action-client";
import { documentInput, poolName, toJsonObject } from "./inputs";

const input = z.object({
  name: poolName,
  type: z.enum(["ecs", "ecs:push"]),
  from: z.union([
    z.object({
      preset: z.enum(["default", "ec2", "capacity-providers", "fargate", "fargate-spot"]),
    }),
    z.object({ pool: poolName }),
    z.object({ template: documentInput("template") }),
  ]),
  overrideErrors: z.string().max(1000).optional(),
});

/** Creates an ECS work pool (name checked like Prefect does; Prefect's 403/409 come back as sentences). */
export const createPool = defineAction({
  name: "createPool",
  role: "editor",
  input,
  handler: async ({ from, ...rest }, operator) => {
    const source: PoolSource =
      "template" in from ? { template: toJsonObject(from.template, "template") } : from;
    const client = getPrefectClient();
    return createEcsPool(client, auditRecorderFor(operator, client), { ...rest, from: source });
  },
});
