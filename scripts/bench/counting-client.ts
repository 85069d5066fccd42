import { ECSClient } from "@aws-sdk/client-ecs";

import { emulatorClientConfig } from "@/testing/seed/ecs";

/**
 * An ECS client for the emulator that counts every call by operation through the SDK's
 * middleware stack (no retries, so each call is counted once); `take()` returns the counts so far,
 * sorted by operation, and starts counting afresh.
 */
export function countingClient(endpoint: string, region: string) {
  const client = new ECSClient({ ...emulatorClientConfig(endpoint, region), maxAttempts: 1 });
  const calls: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? "unknown").replace(/Command$/, "");
      calls[op] = (calls[op] ?? 0) + 1;
      return next(args);
    },
    { step: "initialize", name: "pooldeckCallCounter" },
  );
  const take = () => {
    const copy = Object.fromEntries(Object.entries(calls).sort());
    for (const k of Object.keys(calls)) delete calls[k];
    return copy;
  };
  return { client, take };
}
