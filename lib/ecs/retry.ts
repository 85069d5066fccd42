import "server-only";

import { isRetryable } from "./errors";

export interface RetryOptions {
  /** attempts after the first one */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ r < 1; injectable so tests get exact delays */
  random: () => number;
}

export const defaultRetry: RetryOptions = {
  retries: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Delay before retry number `attempt` (0-based): exponential backoff with full jitter. */
export function backoffDelay(
  attempt: number,
  opts: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">,
): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  // full jitter spreads retries of many concurrent callers so they do not hit the bucket together
  return Math.floor(opts.random() * ceiling);
}

/** Runs `fn`, retrying throttling and transient server errors with backoff; rethrows the last error. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  opts: RetryOptions = defaultRetry,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= opts.retries || !isRetryable(err)) throw err;
      await opts.sleep(backoffDelay(attempt, opts));
    }
  }
}
