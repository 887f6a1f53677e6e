// Preloaded (--import) into a benchmarked process: samples its memory while it runs and, on exit,
// writes the peaks to $BENCH_MEMORY_FILE: heapUsed and rss as sampled, and the kernel's own
// maximum resident set size (exact, sampling or not).
import { writeFileSync } from 'node:fs';

let heapUsed = 0;
let rss = 0;
const sample = () => {
  const m = process.memoryUsage();
  heapUsed = Math.max(heapUsed, m.heapUsed);
  rss = Math.max(rss, m.rss);
};
setInterval(sample, 10).unref();
process.on('exit', () => {
  sample();
  writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify({ heapUsed, rss, maxRss: process.resourceUsage().maxRSS * 1024 }));
});
