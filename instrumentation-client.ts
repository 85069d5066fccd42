/**
 * Runs in the browser before the app's code (Next's client instrumentation hook). Zod compiles
 * object parsers with `new Function` unless told `jitless`, and probes for it on the first parse;
 * under Pooldeck's Content-Security-Policy (no 'unsafe-eval') the probe is blocked and reported as
 * a violation even though Zod catches it, so the browser's Zod runs without that JIT. Only Zod's
 * core `config` is imported: this file is in every page's first JavaScript.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
