/** Timing helpers shared by the benchmark workers. */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The run of `runs` (objects with cpuMs and ms) whose CPU time is nearest the median, with the
 * median CPU and wall times and all CPU times (for the range printed beside the median).
 */
export function medianRun(runs) {
  const cpu = median(runs.map((r) => r.cpuMs));
  const at = runs.reduce((best, r) => (Math.abs(r.cpuMs - cpu) < Math.abs(best.cpuMs - cpu) ? r : best));
  return { ...at, cpuMs: cpu, allCpuMs: runs.map((r) => r.cpuMs), ms: median(runs.map((r) => r.ms)) };
}

/**
 * Runs fn `warmup` times untimed, then `runs` timed runs; returns wall and CPU milliseconds per
 * call of each run. CPU time (user + system of this process, all its threads) is what "on one
 * core" means and is far less disturbed than wall time when other processes load the machine.
 * A call shorter than `minMs` is repeated within a run (the count is fixed after the warm-up) so
 * the timer's resolution and single scheduler hiccups do not dominate sub-millisecond calls.
 */
export function timeRuns(fn, runs, warmup = 1, minMs = 20) {
  let last;
  let calls = 1;
  for (let i = 0; i < warmup; i++) {
    const t0 = performance.now();
    last = fn();
    const t = performance.now() - t0;
    calls = Math.max(calls, Math.min(1000, Math.ceil(minMs / Math.max(t, 1e-3))));
  }
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) last = fn();
    times.push((performance.now() - t0) / calls);
    const dc = process.cpuUsage(c0);
    cpu.push((dc.user + dc.system) / 1000 / calls);
  }
  return { times, cpu, last, calls };
}

/** Asks the OS to favour this process (works as root; elsewhere silently keeps the priority). */
export function raisePriority() {
  try {
    os.setPriority(-10);
    return true;
  } catch {
    return false;
  }
}

/** Peak resident set size of this process so far, MB. */
export function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMb() {
  return process.memoryUsage().rss / 1024 / 1024;
}

/**
 * The last line of a child's output that is a JSON object (the child prints its result last; logs
 * of the measured code may come before it), or undefined.
 */
export function lastJsonLine(stdout) {
  return (stdout ?? "")
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .pop();
}

/** The load average of 1, 5 and 15 minutes, one decimal each (printed before and after a measured run). */
export function loadAverage() {
  return os.loadavg().map((x) => x.toFixed(1));
}

/** CPU milliseconds (user + system) of a process.cpuUsage() reading. */
export function cpuMs(usage) {
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `script` in a child Node with `args` (node options `nodeArgs` before it) and returns the
 * last JSON line it printed, parsed (undefined when it printed none); a child that fails throws
 * with the last three lines of its output.
 */
export function runChild(script, args, { nodeArgs = [], maxBuffer = 64 * 1024 * 1024 } = {}) {
  const r = spawnSync(process.execPath, [...nodeArgs, script, ...args.map(String)], { encoding: "utf8", maxBuffer });
  if (r.status !== 0) throw new Error((r.stderr || r.stdout).trim().split("\n").slice(-3).join(" "));
  const line = lastJsonLine(r.stdout);
  return line === undefined ? undefined : JSON.parse(line);
}

/**
 * The CLI's memoryIo (src/cli/io.ts) for a process that runs the product's build: its lines
 * collected, without loading a bench bundle into the measured process.
 */
export function memoryIo() {
  const io = { stdout: [], stderr: [], out: (l) => io.stdout.push(l), err: (l) => io.stderr.push(l) };
  return io;
}
