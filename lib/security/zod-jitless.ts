/**
 * The global object Zod 4 keeps its configuration in (`z.config()` reads and writes it). Setting
 * `jitless: true` there before Zod loads turns off its `new Function` parsers and the eval probe,
 * without importing Zod (instrumentation-client.ts).
 */
export const ZOD_CONFIG_GLOBAL = "__zod_globalConfig";
