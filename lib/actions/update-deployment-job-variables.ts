"use server";

import { z } from "zod";
import { auditRecorderFor } from "@/lib/audit/server";
import { getPrefectClient } from "@/lib/prefect/client";
import { saveDeploymentJobVariables } from "@/lib/push/deployment-job-variables";
import { defineAction } from "./action-client";
import { documentInput, poolName, toJsonObject } from "./inputs";

const input = z.object({
  id: z.uuid("Expected a deployment id."),
  poolName,
  jobVariables: documentInput("job_variables"),
  loadedUpdated: z.string().nullable(),
  clear: z.boolean().optional(),
  overrideErrors: z.string().max(1000).optional(),
});

/** Saves a deployment's job_variables, always with work_pool_name so Prefect validates them. */
export const updateDeploymentJobVariables = defineAction({
  name: "updateDeploymentJobVariables",
  role: "editor",
  input,
  handler: async ({ jobVariables, ...rest }, operator) => {
    const client = getPrefectClient();
    return saveDeploymentJobVariables(client, auditRecorderFor(operator, client), {
      ...rest,
      jobVariables: toJsonObject(jobVariables, "job_variables"),
    });
  },
});
