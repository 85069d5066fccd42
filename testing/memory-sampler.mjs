/**
 * Preload for a memory investigation of a Node server (`NODE_OPTIONS=--import
 * ./testing/memory-sampler.mjs`, e.g. through the load bench's POOLDECK_BENCH_SERVER_NODE_OPTIONS):
 * every POOLDECK_MEMORY_SAMPLE_MS (1000) appends one JSON line to POOLDECK_MEMORY_LOG with the
 * process's pid, resident memory and V8 heap figures in bytes. Without POOLDECK_MEMORY_LOG it does
 * nothing. A heap whose used size keeps rising after collections is a leak; one that levels off
 * is V8 sizing its heap to the load.
 */
import { appendFileSync } from "node:fs";
import { getHeapStatistics } from "node:v8";

const file = process.env.POOLDECK_MEMORY_LOG;
if (file) {
  const every = Number(process.env.POOLDECK_MEMORY_SAMPLE_MS) || 1000;
  const started = Date.now();
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    const heap = getHeapStatistics();
    const line = {
      pid: process.pid,
      atMs: Date.now() - started,
      rss: m.rss,
      heapTotal: m.heapTotal,
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      heapLimit: heap.heap_size_limit,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, every);
  timer.unref();
}
