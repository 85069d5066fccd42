"use server";

import { z } from "zod";
import { auditRecorderFor } from "@/lib/audit/server";
import { getPrefectClient } from "@/lib/prefect/client";
import { setPoolStatus } from "@/lib/push/pool-writes";
import { defineAction } from "./action-client";
import { poolName } from "./inputs";

/** Pauses or resumes a work pool. */
export const setPoolPaused = defineAction({
  name: "setPoolPaused",
  role: "editor",
  input: z.object({ name: poolName, paused: z.boolean() }),
  handler: async ({ name, paused }, operator) => {
    const client = getPrefectClient();
    return setPoolStatus(client, auditRecorderFor(operator, client), name, { is_paused: paused });
  },
});
