import "server-only";

import { parseConfig, type PooldeckConfig } from "./schema";

let cached: PooldeckConfig | undefined;

/** The validated server configuration from process.env (read once). Throws ConfigError naming the bad variable. */
export function getConfig(): PooldeckConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
