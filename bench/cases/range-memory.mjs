#!/usr/bin/env node
/**
 * Memory a custom function's range costs per cell (issue 23), to ground BYTES_PER_CELL in
 * src/functions/ranges.ts: the results table as Excel delivers it (nested arrays), then what the
 * analysis keeps (the cached MunicipalAnalysis) and its peak while it runs.
 * Usage: node --expose-gc bench/cases/range-memory.mjs [rows=150000]   (build the bundle first:
 * npm run bench builds bench/out/msoko.mjs). Prints one JSON line.
 */
import { BUNDLE } from "../lib/build.mjs";
import { resultsTable } from "./functions.mjs";

if (!global.gc) throw new Error("запустите с флагом node --expose-gc");
const m = await import(process.env.BENCH_BUNDLE ?? BUNDLE);
const rows = Number(process.argv[2] ?? 150_000);
const heap = () => {
  global.gc();
  return process.memoryUsage().heapUsed;
};
const h0 = heap();
const { table } = resultsTable(rows);
// As Excel's runtime delivers it: parsed from JSON, so no string is shared between cells.
const grid = JSON.parse(JSON.stringify(table));
table.length = 0;
const cells = grid.length * grid[0].length;
const h1 = heap();
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
m.analysis.risk(grid[1][0], grid, null, m.DEFAULT_PROFILE);
clearInterval(timer);
const h2 = heap();
console.log(
  JSON.stringify({
    rows: grid.length - 1,
    cells,
    gridBytesPerCell: Math.round((h1 - h0) / cells),
    analysisBytesPerCell: Math.round((h2 - h1) / cells),
    peakBytesPerCell: Math.round((Math.max(peak, h2) - h0) / cells),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
