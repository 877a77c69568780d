// Loaded into the console by bench/logs.bench.ts (NODE_OPTIONS="--expose-gc --require …"): on SIGUSR2, a full
// garbage collection, then the memory figures on stderr, so the bench can tell retained memory from heap slack.
process.on("SIGUSR2", () => {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  process.stderr.write(`heap-probe ${JSON.stringify({ heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss })}\n`);
});
