/**
 * Runs in the browser before the app's code (Next's client instrumentation hook). Zod compiles
 * object parsers with `new Function` unless told `jitless`, and probes for it on the first parse;
 * under Pooldeck's Content-Security-Policy (no 'unsafe-eval') the probe is blocked and reported as
 * a violation even though Zod catches it, so the browser's Zod runs without that JIT.
 *
 * This file is in every page's first JavaScript, so it does not import Zod (≈5 kB gzip): it sets
 * the global object Zod's `config` reads and writes (`globalThis.__zod_globalConfig`, which Zod
 * adopts when it loads). lib/security/zod-jitless.test.ts fails if a Zod upgrade stops reading it.
 */
import { ZOD_CONFIG_GLOBAL } from "@/lib/security/zod-jitless";

const global = globalThis as Record<string, unknown>;
const existing = global[ZOD_CONFIG_GLOBAL];
global[ZOD_CONFIG_GLOBAL] = { ...(typeof existing === "object" ? existing : {}), jitless: true };
