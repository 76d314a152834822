#!/usr/bin/env node
/**
 * Issue 23, end to end: the same indicators as case 1 (bench/cases/engine.mjs), but starting from
 * what a methodist has — participant rows (ОО, год, класс, предмет, балл, отметка, отметка по
 * журналу) — instead of columns already in memory. Two stages, every contender doing ALL the work
 * inside the timing, each its own way:
 *  - «из ячеек»: the cell grid (array of row arrays, as Excel's range.values or the add-in's .xlsx
 *    reader give: string school codes and subjects, number years and grades, marks and scores as
 *    numbers or blanks). Core: src/core/from-cells.ts (totalsFromCells: the grid to every group's
 *    counters in one pass) + indicatorColumns; arquero: extracts its columns from the grid,
 *    aq.table, groupby on the four key columns, rollup, the same formulas; danfojs: the same with
 *    DataFrame + groupby + agg. Every contender ends with the same indicator columns (typed
 *    arrays, NaN = no value), checked by checksum;
 *  - «из .xlsx»: read the file, unzip and parse its sheet (the add-in's fast reader, src/xlsx/read —
 *    neither arquero nor danfojs reads .xlsx), then the same as «из ячеек» on the sheet's values.
 * Results are checked against the core's by checksum. CPU time (process.cpuUsage) is the measure
 * (median); each contender and stage in its own process; load average before and after.
 *
 *   node bench/cases/end-to-end.mjs [1000,10000,100000] [--danfo] [--stages cells,xlsx] [--no-gc] [--write]
 *
 * Each child runs with --expose-gc and collects the heap fully before every timed run (and after
 * the warm-up), the same for every contender, so garbage the bench left (the grid) or the previous
 * run left is not billed to the next one; --no-gc measures without that, as the case did before.
 *
 * The files are written once to bench/out/e2e-N.xlsx by the streaming writer (src/xlsx/stream).
 * --write replaces this case's section of bench/results.md, leaving the rest as it is.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BENCH, OUT, bundleEntry } from "../lib/build.mjs";
import { generateColumns, groupParts } from "../lib/generate.mjs";
import { loadAverage as load, median, peakRssMb, runChild } from "../lib/measure.mjs";
import { arqueroIndicators, checksum, danfoIndicators } from "./engine.mjs";
import { sectionMarkers, writeSection } from "../lib/section.mjs";

const BUNDLE = join(OUT, "e2e-bundle.mjs");
const { begin: BEGIN, end: END } = sectionMarkers("end-to-end");
const HEADER = ["ОО", "Год", "Класс", "Предмет", "Балл", "Отметка", "Отметка по журналу"];
const file = (n) => join(OUT, `e2e-${n}.xlsx`);

async function buildBundle() {
  await bundleEntry(
    [
      'export * as core from "./src/core/aggregate";',
      'export * as cells from "./src/core/from-cells";',
      'export { DEFAULT_PROFILE } from "./src/core/profile";',
      'export { readXlsxBuffer } from "./src/xlsx/exceljs/read";',
      'export { StreamXlsxWorkbook } from "./src/xlsx/stream/workbook";',
    ],
    BUNDLE,
    { name: "bench-e2e-entry.ts" },
  );
}

/** The participant table of n rows as a cell grid, header first (the same rows case 1 generates). */
function gridOf(n) {
  const cols = generateColumns(n);
  const rows = [HEADER];
  for (let i = 0; i < n; i++) {
    const p = groupParts(cols.group[i]);
    rows.push([
      p.school,
      p.year,
      p.grade,
      p.subject,
      Number.isNaN(cols.score[i]) ? null : cols.score[i],
      cols.mark[i] || null,
      cols.journal[i] || null,
    ]);
  }
  return rows;
}

/** Child: writes the participant table of n rows. */
async function childMake(n) {
  const m = await import(pathToFileURL(BUNDLE).href);
  const rows = gridOf(n);
  const wb = m.StreamXlsxWorkbook.create("e2e.xlsx");
  await wb.write({
    ops: [
      { op: "addSheet", name: "Результаты" },
      { op: "values", sheet: "Результаты", address: "A1", values: rows },
    ],
  });
  await wb.save(file(n));
  process.stdout.write(JSON.stringify({ n }) + "\n");
}

const LAYOUT = { keys: [0, 1, 2, 3], score: 4, mark: 5, journal: 6 };
const KEYS = ["school", "year", "grade", "subject"];

/**
 * What a data-frame user does first: one array per column of the grid, marks as numbers (0 = no
 * mark), scores as numbers (NaN = none), key cells as they are (strings and numbers).
 */
function extractColumns(grid) {
  const n = grid.length - 1;
  const school = new Array(n);
  const year = new Array(n);
  const grade = new Array(n);
  const subject = new Array(n);
  const score = new Float64Array(n);
  const mark = new Uint8Array(n);
  const journal = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = grid[i + 1];
    school[i] = r[0];
    year[i] = r[1];
    grade[i] = r[2];
    subject[i] = r[3];
    score[i] = typeof r[4] === "number" ? r[4] : NaN;
    mark[i] = typeof r[5] === "number" ? r[5] : 0;
    journal[i] = typeof r[6] === "number" ? r[6] : 0;
  }
  return { school, year, grade, subject, score, mark, journal };
}

/** Contenders from the cell grid to every group's indicators; each groups by the four keys itself. */
export const FROM_GRID = {
  core: {
    label: "Ядро МСОКО (totalsFromCells + indicatorColumns)",
    run: (grid, m) => m.core.indicatorColumns(m.cells.totalsFromCells(grid, LAYOUT).totals, m.DEFAULT_PROFILE),
  },
  arquero: {
    label: "arquero 8 (свои столбцы + groupby по 4 ключам + rollup)",
    run: (grid, m) => {
      const aq = require("arquero");
      const c = extractColumns(grid);
      const t = aq.table({
        school: c.school,
        year: c.year,
        grade: c.grade,
        subject: c.subject,
        mark: c.mark,
        journal: c.journal,
        score: c.score,
      });
      return arqueroIndicators(aq, t, KEYS, m.DEFAULT_PROFILE.values["sou.weights"], true);
    },
  },
  danfo: {
    label: "danfojs 1.1.2 (свои столбцы + groupby по 4 ключам + agg)",
    run: (grid, m) => {
      const c = extractColumns(grid);
      const keys = { school: c.school, year: c.year, grade: c.grade, subject: c.subject };
      return danfoIndicators(require("danfojs"), keys, c, m.DEFAULT_PROFILE.values["sou.weights"], true);
    },
  },
};

const require = createRequire(join(BENCH, "package.json"));

const cpuSince = (c0) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

/**
 * A full collection outside the timing, the same for every contender: garbage the bench left
 * (building the grid) or the previous run left is not billed to whoever runs next. V8 then sweeps
 * the freed pages on background threads (20–30 ms of CPU after a 150 MB heap), which
 * process.cpuUsage counts too: wait until the process is idle again (20 ms with < 1 ms of CPU).
 * The child runs with --expose-gc; without it (a hand-started child) nothing happens.
 */
async function cleanHeap() {
  if (typeof globalThis.gc !== "function") return;
  globalThis.gc();
  for (let i = 0; i < 50; i++) {
    const c0 = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (cpuSince(c0) < 1) break;
  }
}

/**
 * timeRuns (bench/lib/measure.mjs) with a clean heap before each timed run: one untimed call
 * fixes how many calls a run repeats (short calls are repeated up to ≈ 20 ms so the timer's
 * resolution does not dominate), then `runs` runs, each after cleanHeap(), CPU ms per call.
 */
async function timeCleanRuns(fn, runs, minMs = 20) {
  await cleanHeap();
  const t0 = process.hrtime.bigint();
  let last = fn();
  const t = Number(process.hrtime.bigint() - t0) / 1e6;
  const calls = Math.max(1, Math.min(1000, Math.ceil(minMs / Math.max(t, 1e-3))));
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    await cleanHeap();
    const c0 = process.cpuUsage();
    for (let c = 0; c < calls; c++) last = fn();
    cpu.push(cpuSince(c0) / calls);
  }
  return { cpu, last, calls };
}

async function readGrid(m, n) {
  const [sheet] = await m.readXlsxBuffer(new Uint8Array(readFileSync(file(n))), `e2e-${n}.xlsx`, {
    formulas: false,
    maxCells: 20_000_000,
  });
  return sheet.values;
}

/** Child: one contender at one stage, `runs` timed runs after a warm-up. */
async function childRun(stage, id, n, runs) {
  const m = await import(pathToFileURL(BUNDLE).href);
  const c = FROM_GRID[id];
  const before = load();
  let cpu;
  let last;
  if (stage === "cells") {
    const grid = gridOf(n); // outside the timing: the grid is where every contender starts
    // Warm-up of at least 5 calls and 0.5 s of CPU: V8 compiles on background threads whose time
    // process.cpuUsage counts, so a short warm-up bills the compiler to the first timed runs.
    const w0 = process.cpuUsage();
    for (let i = 0; i < 5 || cpuSince(w0) < 500; i++) {
      c.run(grid, m);
      if (cpuSince(w0) > 10_000) break;
    }
    const r = await timeCleanRuns(() => c.run(grid, m), runs);
    cpu = r.cpu;
    last = r.last;
  } else {
    // The read is async: awaited run by run, the first one a warm-up.
    cpu = [];
    for (let r = 0; r < runs + 1; r++) {
      await cleanHeap();
      const c0 = process.cpuUsage();
      last = c.run(await readGrid(m, n), m);
      const d = process.cpuUsage(c0);
      if (r > 0) cpu.push((d.user + d.system) / 1000);
    }
  }
  process.stdout.write(
    JSON.stringify({
      stage,
      id,
      n,
      cpuMs: median(cpu),
      checksum: checksum(last),
      maxRssMb: peakRssMb(),
      load: [before, load()],
    }) + "\n",
  );
}

/** --no-gc: children without --expose-gc, no collection before the runs (how the case measured before). */
const NO_GC = process.argv.includes("--no-gc");

function spawnChild(args) {
  return runChild(fileURLToPath(import.meta.url), ["--child", ...args], { nodeArgs: NO_GC ? [] : ["--expose-gc"] });
}

const fmt = (x, d = 0) => x.toLocaleString("ru-RU", { maximumFractionDigits: d, minimumFractionDigits: d });
const same = (a, b) =>
  a.groups === b.groups &&
  a.participants === b.participants &&
  a.nulls === b.nulls &&
  Math.abs(a.sum - b.sum) <= 1e-9 * Math.abs(b.sum);

export const STAGES = {
  cells: "Из ячеек (сетка значений в памяти)",
  xlsx: "Из файла .xlsx (чтение файла + то же, что из ячеек)",
};

export async function runEndToEnd(sizes, withDanfo, stages = Object.keys(STAGES)) {
  await buildBundle();
  const ids = ["core", "arquero", ...(withDanfo ? ["danfo"] : [])];
  const out = [];
  for (const n of sizes) {
    if (stages.includes("xlsx") && !existsSync(file(n))) spawnChild(["make", n]);
    const runs = n >= 1e6 ? 7 : 9;
    for (const stage of stages) {
      // danfojs needs minutes at a million rows (case 1): left out there.
      const rows = ids
        .filter((id) => id !== "danfo" || n < 1e6)
        .map((id) => {
          const r = spawnChild(["run", stage, id, n, id === "danfo" && n >= 100000 ? 1 : runs]);
          process.stderr.write(`  ${stage}, ${fmt(n)} строк, ${id}: ${fmt(r.cpuMs, 1)} мс ЦП\n`);
          return r;
        });
      out.push({ n, stage, rows });
    }
  }
  return out;
}

/** arquero / core CPU at size n in the «from cells» stage, or null when not measured. */
function arqueroRatio(results, n) {
  const s = results.find((x) => x.n === n && x.stage === "cells");
  const core = s?.rows.find((r) => r.id === "core");
  const aq = s?.rows.find((r) => r.id === "arquero");
  return core && aq ? aq.cpuMs / core.cpuMs : null;
}

export function endToEndMarkdown(results, when = new Date()) {
  const lines = [
    BEGIN,
    "## От ячеек и от файла .xlsx до показателей (issue 23, `bench/cases/end-to-end.mjs`)",
    "",
    `Замер ${when.toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}, 2 ядра (заняты и другой работой). Те же показатели всех групп ОО × год × класс × предмет, что в случае 1, но каждый участник в своём процессе делает всю работу сам. «Из ячеек»: на входе сетка значений — массив строк, как \`range.values\` Excel или читатель .xlsx надстройки (коды ОО и предметы — строки, год и класс — числа, пустые отметки и баллы — null); ядро — \`totalsFromCells\` (src/core/from-cells.ts: один проход по строкам — каждый ключевой столбец в малые целые, их четвёрка прямым индексом в номер группы, счётчики групп пополняются пачками по 256 строк, без столбцов на каждую строку) + \`indicatorColumns\` (показатели столбцами); arquero и danfojs сами извлекают столбцы из сетки, строят таблицу, группируют по четырём ключевым столбцам и считают те же показатели тоже столбцами (типизированные массивы, NaN — нет значения). «Из .xlsx»: то же, но сначала прочитать файл быстрым читателем надстройки (ни arquero, ни danfojs .xlsx не читают). Коды ОО в сетке «из ячеек» — новый объект строки в каждой строке (как после JSON.parse у \`range.values\`); читатель .xlsx отдаёт общие строки одним объектом. Прогрев — не меньше 5 вызовов и 0,5 с ЦП (фоновая компиляция V8 входит в процессорное время процесса); ${NO_GC ? "без принудительной сборки мусора (--no-gc)" : "перед каждым замеряемым прогоном и после прогрева — полная сборка мусора (gc() с --expose-gc, вне замера, одинаково для всех участников), чтобы мусор от построения сетки и от предыдущего прогона не ложился на следующий"}; медиана 9 прогонов, при 1 млн строк — 7, danfojs от 100 тыс. — 1. Процессорное время — user + system, с потоками сборки мусора V8; load average (1 / 5 / 15 мин) — до и после процесса.`,
  ];
  for (const stage of Object.keys(STAGES)) {
    const part = results.filter((x) => x.stage === stage);
    if (part.length === 0) continue;
    lines.push(
      "",
      `### ${STAGES[stage]}`,
      "",
      "| Строк | Участник | ЦП, мс | Строк/с (ЦП) | Во сколько раз медленнее ядра | Пик памяти, МБ | Совпало с ядром | Load average до → после |",
      "|---:|---|---:|---:|---:|---:|---|---|",
    );
    for (const { n, rows } of part) {
      const core = rows.find((r) => r.id === "core");
      for (const r of rows) {
        lines.push(
          `| ${fmt(n)} | ${FROM_GRID[r.id].label} | ${fmt(r.cpuMs, r.cpuMs < 10 ? 2 : 0)} | ${fmt((n * 1000) / r.cpuMs)} | ${fmt(r.cpuMs / core.cpuMs, 1)}× | ${fmt(r.maxRssMb)} | ${same(r.checksum, core.checksum) ? "да" : "**нет**"} | ${r.load[0].join(" / ")} → ${r.load[1].join(" / ")} |`,
        );
      }
    }
  }
  const big = [...new Set(results.map((x) => x.n))]
    .map((n) => ({ n, x: arqueroRatio(results, n) }))
    .filter((r) => r.x !== null);
  if (big.length > 0) {
    const reached = big.every((r) => r.x >= 10);
    lines.push(
      "",
      `Цель issue 23 «≥ 10× arquero от ячеек до показателей» — **${reached ? "выполнена при каждом размере" : "выполнена не при каждом размере"}**: ${big.map((r) => `${fmt(r.x, 1)}× при ${fmt(r.n)} строк`).join(", ")}. От файла .xlsx отношение меньше: чтение файла (общее для всех) — большая часть работы.`,
    );
  }
  lines.push(END);
  return lines.join("\n");
}

const [flag, what, a1, a2, a3, a4] = process.argv.slice(2);
if (flag === "--child") {
  const run = what === "make" ? () => childMake(Number(a1)) : () => childRun(a1, a2, Number(a3), Number(a4));
  run().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const sizes = (args.find((x) => /^\d/.test(x)) ?? "1000,10000,100000").split(",").map(Number);
  const si = args.indexOf("--stages");
  const stages = si >= 0 ? args[si + 1].split(",") : Object.keys(STAGES);
  runEndToEnd(sizes, args.includes("--danfo"), stages).then(
    (r) => {
      const md = endToEndMarkdown(r);
      process.stdout.write(md + "\n");
      if (args.includes("--write")) writeSection("end-to-end", md);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
