"use server";

import { z } from "zod";
import { auditRecorderFor } from "@/lib/audit/server";
import { getPrefectClient } from "@/lib/prefect/client";
import { setPoolStatus } from "@/lib/push/pool-writes";
import { defineAction } from "./action-client";
import { poolName } from "./inputs";

/** Sets a work pool's concurrency limit; null removes the limit. */
export const setPoolConcurrency = defineAction({
  name: "setPoolConcurrency",
  role: "editor",
  input: z.object({
    name: poolName,
    limit: z
      .number()
      .int("The limit must be a whole number.")
      .min(0, "The limit cannot be negative.")
      .max(1_000_000)
      .nullable(),
  }),
  handler: async ({ name, limit }, operator) => {
    const client = getPrefectClient();
    const audit = auditRecorderFor(operator, client);
    return setPoolStatus(client, audit, name, { concurrency_limit: limit });
  },
});
