/**
 * Runs one contender of one case in its own process, so its peak memory (maxRSS) is its own, and
 * prints one JSON line: times of each run, median, peak RSS, RSS before the runs, checksum.
 * Usage: node bench/worker.mjs engine <contender> <rows> <runs>
 */
import { BUNDLE } from "./lib/build.mjs";
import * as gen from "./lib/generate.mjs";
import { median, peakRssMb, rssMb, timeRuns } from "./lib/measure.mjs";
import { checksum, CONTENDERS } from "./cases/engine.mjs";

const [caseId, id, rowsArg, runsArg] = process.argv.slice(2);
const m = await import(BUNDLE);

if (caseId === "engine") {
  const c = CONTENDERS[id];
  if (!c) throw new Error(`Неизвестный участник сравнения: ${id}`);
  const rows = Number(rowsArg);
  const cols = gen.generateColumns(rows);
  const input = c.prepare(cols, m, gen);
  const rssBefore = rssMb();
  const { times, last } = timeRuns(() => c.run(input, m), Number(runsArg), 1);
  console.log(JSON.stringify({ id, rows, groups: cols.groupCount, times, median: median(times), peakRssMb: peakRssMb(), rssBeforeMb: rssBefore, checksum: checksum(last) }));
} else {
  throw new Error(`Неизвестный случай: ${caseId}`);
}
