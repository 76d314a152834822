/**
 * Runs one contender of one case in its own process, so its peak memory (maxRSS) is its own, and
 * prints one JSON line: times of each run, median, peak RSS, RSS before the runs, checksum.
 * Usage: node bench/worker.mjs engine <contender> <rows> <runs>
 *        node bench/worker.mjs functions results <rows> <runs>
 */
import { BUNDLE } from "./lib/build.mjs";
import * as gen from "./lib/generate.mjs";
import { median, peakRssMb, raisePriority, rssMb, timeRuns } from "./lib/measure.mjs";
import { checksum, CONTENDERS } from "./cases/engine.mjs";
import { callFromCells, marksColumn, resultsTable } from "./cases/functions.mjs";
import * as F from "./cases/formulas.mjs";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { CLI_BUNDLE, OUT } from "./lib/build.mjs";
import { countForms, ensureForms, summarizeOnce } from "./cases/consolidation.mjs";

const [caseId, id, rowsArg, runsArg, warmupArg = "1"] = process.argv.slice(2);
const warmup = Number(warmupArg);
const m = await import(process.env.BENCH_BUNDLE ?? BUNDLE);
const priority = raisePriority();

if (caseId === "engine") {
  const c = CONTENDERS[id];
  if (!c) throw new Error(`Неизвестный участник сравнения: ${id}`);
  const rows = Number(rowsArg);
  const cols = gen.generateColumns(rows);
  const input = c.prepare(cols, m, gen);
  const rssBefore = rssMb();
  const { times, cpu, last } = timeRuns(() => c.run(input, m), Number(runsArg), warmup);
  console.log(
    JSON.stringify({
      id,
      rows,
      groups: cols.groupCount,
      times,
      median: median(times),
      cpu,
      cpuMedian: median(cpu),
      peakRssMb: peakRssMb(),
      rssBeforeMb: rssBefore,
      checksum: checksum(last),
      priority,
    }),
  );
} else if (caseId === "functions" && id === "results") {
  // id: "results" (MSOKO.QUALITY from src/functions/results.ts, no cache).
  const rows = Number(rowsArg);
  const runs = Number(runsArg);
  const range = marksColumn(rows);
  const fn = (r) => m.results.quality(r, m.DEFAULT_PROFILE);
  const one = timeRuns(() => fn(range), Math.max(runs, 9), 2);
  const many = timeRuns(() => callFromCells(fn, range, 1000), runs, 0, 0);
  console.log(
    JSON.stringify({
      id,
      rows,
      one: median(one.times),
      thousand: median(many.times),
      oneTimes: one.times,
      thousandTimes: many.times,
      value: one.last,
      peakRssMb: peakRssMb(),
    }),
  );
} else if (caseId === "functions" && id === "analysis") {
  // MSOKO.RISK (src/functions/analysis.ts) over one results table. Each run starts cold (cache
  // cleared, a new array object, as after opening a workbook) and times the first call and then
  // 999 more cells over the same array, as the bench's Excel stand-in passes it; "fresh" is one
  // call with a new array of the same cells (a copy made outside the timing), which is hashed in
  // full; "parse" is what Excel's runtime pays to deliver the range as JSON, for scale.
  if (!m.analysis) throw new Error("src/functions/analysis.ts нет в сборке");
  const { table, schools } = resultsTable(Number(rowsArg));
  const logins = table.slice(1, 1001).map((row) => row[0]);
  const copy = () => table.map((row) => [...row]);
  const call = (t, c) => m.analysis.risk(logins[c % logins.length], t, null, m.DEFAULT_PROFILE);
  const runs = Number(runsArg);
  const oneTimes = [];
  const thousandTimes = [];
  const oneCpu = [];
  const thousandCpu = [];
  let value;
  for (let r = 0; r < runs; r++) {
    m.analysis.clearAnalysisCache();
    const t = copy();
    global.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = call(t, 0);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    for (let c = 1; c < 1000; c++) call(t, c);
    const t2 = performance.now();
    const c2 = process.cpuUsage(c0);
    oneTimes.push(t1 - t0);
    thousandTimes.push(t2 - t0);
    oneCpu.push((c1.user + c1.system) / 1000);
    thousandCpu.push((c2.user + c2.system) / 1000);
  }
  const copies = Array.from({ length: 9 }, copy);
  let k = 0;
  const fresh = timeRuns(() => call(copies[k++ % copies.length], k), 9, 0, 0);
  const json = JSON.stringify(table);
  const parse = timeRuns(() => JSON.parse(json), 5, 1, 0);
  const one = median(oneTimes);
  const thousand = median(thousandTimes);
  console.log(
    JSON.stringify({
      id,
      rows: table.length - 1,
      schools,
      one,
      thousand,
      oneTimes,
      thousandTimes,
      oneCpu: median(oneCpu),
      thousandCpu: median(thousandCpu),
      fresh: median(fresh.times),
      freshTimes: fresh.times,
      parse: median(parse.times),
      value,
      peakRssMb: peakRssMb(),
    }),
  );
} else if (caseId === "consolidation" && id === "forms") {
  const cli = await import(CLI_BUNDLE);
  const made = await ensureForms(cli, Number(rowsArg));
  console.log(JSON.stringify({ id, forms: countForms(made.dir), reused: made.reused, peakRssMb: peakRssMb() }));
} else if (caseId === "consolidation" && (id === "summarize" || id === "rerun")) {
  // Forms are made beforehand by "consolidation forms N" in another process (not in this peak).
  // "summarize" builds into a new file each run; "rerun" builds again into the file the previous
  // "summarize" process left, as a methodist does: the book is loaded, only its generated sheets replaced.
  const cli = await import(CLI_BUNDLE);
  const forms = Number(rowsArg);
  const dir = join(OUT, `forms-${forms}`);
  const out = join(OUT, `summary-${forms}.xlsx`);
  if (id === "rerun" && !existsSync(out)) throw new Error(`нет ${out}: повторной сводке нужен файл первой`);
  const times = [];
  const cpu = [];
  for (let r = 0; r < Number(runsArg); r++) {
    if (id === "summarize") rmSync(out, { force: true });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await summarizeOnce(cli, dir, out);
    times.push(performance.now() - t0);
    const dc = process.cpuUsage(c0);
    cpu.push((dc.user + dc.system) / 1000);
  }
  console.log(
    JSON.stringify({
      id,
      forms: countForms(dir),
      times,
      median: median(times),
      cpu,
      cpuMedian: median(cpu),
      peakRssMb: peakRssMb(),
    }),
  );
} else if (caseId === "formulas" && id === "ours") {
  const cols = gen.generateColumns(Number(rowsArg));
  const grid = F.toGrid(cols);
  const { times, cpu, last } = timeRuns(() => F.oursFromGrid(grid, m), Number(runsArg), warmup);
  console.log(
    JSON.stringify({
      id,
      rows: cols.group.length,
      groups: last.ids.size,
      times,
      median: median(times),
      cpuMedian: median(cpu),
      peakRssMb: peakRssMb(),
    }),
  );
} else if (caseId === "formulas" && id === "libreoffice") {
  const cols = gen.generateColumns(Number(rowsArg));
  const expected = m.core.allIndicators(m.core.aggregate(cols), m.DEFAULT_PROFILE);
  const dir = join(OUT, "libreoffice");
  F.cleanup(dir);
  mkdirSync(dir, { recursive: true });
  const weights = m.DEFAULT_PROFILE.values["sou.weights"];
  await F.writeWorkbook(cols, join(dir, "formulas.xlsx"), { withFormulas: true, weights, expected });
  await F.writeWorkbook(cols, join(dir, "values.xlsx"), { withFormulas: false, weights, expected });
  const profile = F.loProfile(join(dir, "profile"));
  F.convertToCsv(join(dir, "values.xlsx"), join(dir, "warm"), profile); // first start creates the profile
  const runs = Number(runsArg);
  const values = [];
  const formulas = [];
  let peakKb = 0;
  for (let r = 0; r < runs; r++) {
    // The baseline (load and save without formulas) varies little: three runs are enough.
    if (r < 3) values.push(F.convertToCsv(join(dir, "values.xlsx"), join(dir, "values"), profile).ms);
    const f = F.convertToCsv(join(dir, "formulas.xlsx"), join(dir, "formulas"), profile);
    formulas.push(f.ms);
    peakKb = Math.max(peakKb, f.maxRssKb);
  }
  const check = F.compare(F.readCsv(join(dir, "formulas", "formulas.csv")), cols, expected);
  console.log(
    JSON.stringify({
      id,
      rows: cols.group.length,
      groups: cols.groupCount,
      formulaCells: cols.groupCount * 20 + cols.group.length,
      values,
      formulas,
      valuesMedian: median(values),
      formulasMedian: median(formulas),
      peakRssMb: peakKb / 1024,
      ...check,
    }),
  );
} else {
  throw new Error(`Неизвестный случай: ${caseId}`);
}
