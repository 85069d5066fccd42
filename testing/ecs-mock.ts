import "server-only";

import { ECSClient } from "@aws-sdk/client-ecs";
import { vi } from "vitest";

import { Limiter } from "@/lib/ecs/batching";
import { TtlCache } from "@/lib/cache/ttl-cache";
import type { EcsContext } from "@/lib/ecs/context";

type Handler = (operation: string, input: Record<string, unknown>) => unknown;

/**
 * A real SDK client whose `send` is mocked (the SDK's own seam), recording every call by operation.
 * For unit tests only; integration and end-to-end tests use the emulator.
 */
export function mockedContext(
  handler: Handler,
  opts: { concurrency?: number; retries?: number } = {},
) {
  const client = new ECSClient({
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  const calls: { operation: string; input: Record<string, unknown> }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sleeps: number[] = [];
  vi.spyOn(client, "send").mockImplementation((async (command: {
    input: Record<string, unknown>;
  }) => {
    const operation = command.constructor.name.replace(/Command$/, "");
    calls.push({ operation, input: command.input });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await Promise.resolve();
      return await handler(operation, command.input);
    } finally {
      inFlight--;
    }
  }) as never);
  const ctx: EcsContext = {
    client: () => client,
    cache: new TtlCache(15_000),
    retry: {
      retries: opts.retries ?? 4,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
    },
    limiter: new Limiter(opts.concurrency ?? 6),
  };
  const count = (operation: string) => calls.filter((c) => c.operation === operation).length;
  const byOperation = () =>
    Object.fromEntries(
      [...new Set(calls.map((c) => c.operation))].sort().map((op) => [op, count(op)]),
    );
  return { ctx, calls, count, byOperation, sleeps, maxInFlight: () => maxInFlight };
}

/** An AWS-style error as the SDK throws it. */
export function awsError(name: string, message = name, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

/** Serves `items` in pages of `size` with numeric next tokens, like AWS list calls. */
export function page<T>(
  items: T[],
  input: Record<string, unknown>,
  size = 100,
): { items: T[]; nextToken?: string } {
  const start = Number(input.nextToken ?? 0);
  const end = start + size;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? String(end) : undefined,
  };
}
