"use server";

import { z } from "zod";
import { auditRecorderFor } from "@/lib/audit/server";
import { getPrefectClient } from "@/lib/prefect/client";
import { pushPoolTemplate, type PushTemplateResult } from "@/lib/push/update-pool";
import { defineAction } from "./action-client";
import { documentInput, poolName, toJsonObject } from "./inputs";

const input = z.object({
  name: poolName,
  template: documentInput("template"),
  loadedUpdated: z.string().nullable(),
  loadedTemplateHash: z.string().regex(/^[0-9a-f]{64}$/, "Expected a SHA-256 hex digest."),
  overrideErrors: z.string().max(1000).optional(),
});

/** Pushes an edited base job template to Prefect (see pushPoolTemplate for every refusal). */
export const updatePool = defineAction({
  name: "updatePool",
  role: "editor",
  input,
  handler: async (data, operator): Promise<PushTemplateResult> => {
    const template = toJsonObject(data.template, "template");
    const client = getPrefectClient();
    return pushPoolTemplate(client, auditRecorderFor(operator, client), { ...data, template });
  },
});
