/**
 * V8's tiering set for the CLI's runs (issue 23). A command is one batch over a file or a folder:
 * a few loops run hundreds of thousands of times (the sheet reader's cells, the import's rows)
 * and some hundred functions run a few hundred times each (per school). With V8's defaults, made
 * for pages that keep running, a regional protocol's `analyze` spent a quarter of its CPU time
 * compiling: TurboFan compiled some forty functions that each ran for a millisecond or two, and
 * while the sheet reader's loop was being compiled in the background (on-stack replacement,
 * 15 ms) the main thread went on reading cells in the interpreter, some twenty times slower.
 *
 * - A larger interrupt budget (3× V8's 67 584): a function is optimized once it has run three
 *   times longer, so only the long loops are; the short ones stay in the baseline code.
 * - On-stack replacement compiled in place: the loop waits for its optimized code instead of
 *   interpreting meanwhile.
 *
 * Measured on the protocols of bench/cases/protocols.mjs (25 000 participants): CPU time −12 … −15 %
 * (docs/bench.md, the tenth round); a long run is not slowed (its loops are optimized after a few
 * thousand iterations either way). Both are plain V8 flags, read when a function tiers up, so
 * setting them before a command's module is loaded is enough; `node --v8-options` lists them.
 *
 * The third, --expose-gc, is for the code cache (./cached-command), not for speed: ./memory turns
 * it on in a long run to reach the collector, and V8 accepts a cache only under the flags it was
 * made with, so a cache written after a long run was refused by the next runs. Set here, before
 * the command loads, the flags are the same when the cache is read and when it is written. The
 * command's own context gets no `gc` from it (only the context ./memory creates does).
 */
import { setFlagsFromString } from "node:v8";

/** The flags, as `node` accepts them on its command line (a test checks that it still does). */
export const BATCH_FLAGS = ["--interrupt-budget=202752", "--no-concurrent-osr", "--expose-gc"] as const;

let tuned = false;

/** Sets BATCH_FLAGS once per process, before the first command is loaded. */
export function tuneEngineForBatch(): void {
  if (tuned) return;
  tuned = true;
  for (const flag of BATCH_FLAGS) setFlagsFromString(flag);
}
