import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { ECSClient } from "@aws-sdk/client-ecs";

import { emulatorClientConfig } from "@/testing/seed/ecs";

/**
 * ECS and Auto Scaling clients for the emulator that count every call by operation through the
 * SDK's middleware stack (no retries, so each call is counted once), for a lib/ecs context
 * (`client`, `autoscaling`): the context's own defaults would build clients from the server's
 * configuration. `take()` returns the counts so far, sorted by operation, and starts afresh.
 */
export function countingClient(endpoint: string, region: string) {
  const calls: Record<string, number> = {};
  const count = (commandName: unknown) => {
    const op = String(commandName ?? "unknown").replace(/Command$/, "");
    calls[op] = (calls[op] ?? 0) + 1;
  };
  const step = { step: "initialize", name: "pooldeckCallCounter" } as const;
  const config = { ...emulatorClientConfig(endpoint, region), maxAttempts: 1 };
  const client = new ECSClient(config);
  client.middlewareStack.add(
    (next, context) => async (args) => (count(context.commandName), next(args)),
    step,
  );
  const autoscaling = new AutoScalingClient(config);
  autoscaling.middlewareStack.add(
    (next, context) => async (args) => (count(context.commandName), next(args)),
    step,
  );
  const take = () => {
    const copy = Object.fromEntries(Object.entries(calls).sort());
    for (const k of Object.keys(calls)) delete calls[k];
    return copy;
  };
  return { client, autoscaling, take };
}
