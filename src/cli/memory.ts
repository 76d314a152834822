/**
 * Bounded memory for long CLI runs (issue 23). V8 collects the old generation lazily: a summary of
 * 500 forms left some 400 MB of garbage (parsed sheets, built tables, rendered XML) uncollected
 * between its phases, enough to push the process past 1 GB while its live data stayed near
 * 300 MB. Between phases the command asks for a full collection when the heap has grown past a
 * bound: a few collections of 0,1–0,3 s CPU each, instead of hundreds of megabytes of RSS.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (gc === undefined) {
    try {
      // The documented way to reach V8's collector from a running process (node --expose-gc at run time).
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/** Heap size (MB) above which the commands collect garbage between files and phases. */
export const HEAP_BOUND_MB = 384;

/** Collects garbage when the heap holds more than `aboveMb` megabytes; returns whether it did. */
export function collectGarbage(aboveMb = HEAP_BOUND_MB): boolean {
  if (process.memoryUsage().heapUsed < aboveMb * 1e6) return false;
  const run = collector();
  if (!run) return false;
  run();
  return true;
}
