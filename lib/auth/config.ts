import "server-only";

import { parseAuthConfig, type AuthConfig } from "@/lib/env/auth-schema";

let cached: AuthConfig | undefined;

/** The validated sign-in configuration from process.env (read once; instrumentation checked it at start). */
export function getAuthConfig(): AuthConfig {
  cached ??= parseAuthConfig(process.env);
  return cached;
}
