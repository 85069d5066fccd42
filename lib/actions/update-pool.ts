"use server";

import { z } from "zod";
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
  role: "editor",
  input,
  handler: async (data): Promise<PushTemplateResult> => {
    const template = toJsonObject(data.template, "template");
    return pushPoolTemplate(getPrefectClient(), { ...data, template });
  },
});
