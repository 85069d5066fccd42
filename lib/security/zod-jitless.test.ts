/**
 * instrumentation-client.ts switches Zod's JIT off by setting Zod's global configuration object
 * before Zod loads, instead of importing Zod into every page. This pins that Zod adopts the object:
 * a Zod upgrade that stops reading it fails here rather than as CSP violations in the browser.
 */
import { expect, it, vi } from "vitest";
import { ZOD_CONFIG_GLOBAL } from "./zod-jitless";

it("Zod adopts the configuration set on the global before it loads", async () => {
  vi.resetModules();
  const global = globalThis as Record<string, unknown>;
  const before = global[ZOD_CONFIG_GLOBAL];
  delete global[ZOD_CONFIG_GLOBAL];
  try {
    await import("@/instrumentation-client");
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
  } finally {
    global[ZOD_CONFIG_GLOBAL] = before;
  }
});
