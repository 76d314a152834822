/** Timing helpers shared by the benchmark workers. */
import { performance } from "node:perf_hooks";

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn `warmup` times untimed, then `runs` times timed; returns milliseconds of each run. */
export function timeRuns(fn, runs, warmup = 1) {
  let last;
  for (let i = 0; i < warmup; i++) last = fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
  }
  return { times, last };
}

/** Peak resident set size of this process so far, MB. */
export function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMb() {
  return process.memoryUsage().rss / 1024 / 1024;
}
