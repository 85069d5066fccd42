import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { ECSClient } from "@aws-sdk/client-ecs";

import { emulatorClientConfig } from "@/testing/seed/ecs";

/**
 * ECS and Auto Scaling clients for the emulator that count every call by operation through the
 * SDK's middleware stack (no retries, so each call is counted once). `clients` are a lib/ecs
 * context's client factories (`createEcsContext(counting.clients)`): the context's own defaults
 * would build clients from the server's configuration. `take()` returns the counts so far, sorted
 * by operation, and starts afresh.
 */
export function countingClient(endpoint: string, region: string) {
  const calls: Record<string, number> = {};
  const config = { ...emulatorClientConfig(endpoint, region), maxAttempts: 1 };
  const client = new ECSClient(config);
  const autoscaling = new AutoScalingClient(config);
  for (const sdk of [client, autoscaling]) {
    (sdk.middlewareStack as ECSClient["middlewareStack"]).add(
      (next, context) => async (args) => {
        const op = String(context.commandName ?? "unknown").replace(/Command$/, "");
        calls[op] = (calls[op] ?? 0) + 1;
        return next(args);
      },
      { step: "initialize", name: "pooldeckCallCounter" },
    );
  }
  const take = () => {
    const copy = Object.fromEntries(Object.entries(calls).sort());
    for (const k of Object.keys(calls)) delete calls[k];
    return copy;
  };
  const clients = { client: () => client, autoscaling: () => autoscaling };
  return { client, autoscaling, clients, take };
}
