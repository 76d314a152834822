#!/usr/bin/env node
/**
 * Issue 23, end to end: the same indicators as case 1 (bench/cases/engine.mjs), but starting from
 * the .xlsx file a methodist has — participant rows (ОО, год, класс, предмет, балл, отметка,
 * отметка по журналу) — instead of columns already in memory. Every contender does the whole
 * work inside the timing: read the file, unzip and parse its sheet (the add-in's own fast reader,
 * src/xlsx/read — neither arquero nor danfojs reads .xlsx), turn the cells into its input
 * (group keys interned, marks and scores as numbers) and compute every group's indicators
 * (core: src/core/aggregate.ts; arquero: groupby + rollup; danfojs: groupby + agg). Results are
 * checked against the core's by checksum. CPU time (process.cpuUsage) is the measure; each run in
 * its own process; load average before and after.
 *
 *   node bench/cases/end-to-end.mjs [1000,10000,100000] [--danfo] [--write]
 *
 * The files are written once to bench/out/e2e-N.xlsx by the streaming writer (src/xlsx/stream).
 * --write replaces this case's section of bench/results.md, leaving the rest as it is.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BENCH, OUT, ROOT } from "../lib/build.mjs";
import { generateColumns, groupParts } from "../lib/generate.mjs";
import { median, timeRuns } from "../lib/measure.mjs";
import { checksum, CONTENDERS } from "./engine.mjs";

const BUNDLE = join(OUT, "e2e-bundle.mjs");
const RESULTS = join(BENCH, "results.md");
const BEGIN = "<!-- end-to-end:begin -->";
const END = "<!-- end-to-end:end -->";
const HEADER = ["ОО", "Год", "Класс", "Предмет", "Балл", "Отметка", "Отметка по журналу"];
const file = (n) => join(OUT, `e2e-${n}.xlsx`);
const load = () => os.loadavg().map((x) => x.toFixed(1));

async function buildBundle() {
  const require = createRequire(join(ROOT, "package.json"));
  const esbuild = require("esbuild");
  mkdirSync(OUT, { recursive: true });
  await esbuild.build({
    stdin: {
      contents: [
        'export * as core from "./src/core/aggregate";',
        'export { DEFAULT_PROFILE } from "./src/core/profile";',
        'export { readXlsxBuffer } from "./src/xlsx/exceljs/read";',
        'export { StreamXlsxWorkbook } from "./src/xlsx/stream/workbook";',
      ].join("\n"),
      resolveDir: ROOT,
      loader: "ts",
      sourcefile: "bench-e2e-entry.ts",
    },
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    outfile: BUNDLE,
    logLevel: "error",
  });
}

/** Child: writes the participant table of n rows (the same rows case 1 generates). */
async function childMake(n) {
  const m = await import(pathToFileURL(BUNDLE).href);
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

/** Cells → the columns every contender starts from: group ids interned from the key cells. */
function columnsFromGrid(values) {
  const n = values.length - 1;
  const group = new Int32Array(n);
  const mark = new Uint8Array(n);
  const journal = new Uint8Array(n);
  const score = new Float32Array(n);
  const ids = new Map();
  for (let i = 0; i < n; i++) {
    const r = values[i + 1];
    const key = `${r[0]}|${r[1]}|${r[2]}|${r[3]}`;
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    group[i] = g;
    score[i] = typeof r[4] === "number" ? r[4] : NaN;
    mark[i] = typeof r[5] === "number" ? r[5] : 0;
    journal[i] = typeof r[6] === "number" ? r[6] : 0;
  }
  return { group, groupCount: ids.size, mark, journal, score };
}

/** Child: one contender, end to end, `runs` times. */
async function childRun(id, n, runs) {
  const m = await import(pathToFileURL(BUNDLE).href);
  const c = CONTENDERS[id];
  const before = load();
  const once = async () => {
    const buf = readFileSync(file(n));
    const [sheet] = await m.readXlsxBuffer(new Uint8Array(buf), `e2e-${n}.xlsx`, {
      formulas: false,
      maxCells: 20_000_000,
    });
    const cols = columnsFromGrid(sheet.values);
    return c.run(c.prepare(cols, m), m);
  };
  // timeRuns is synchronous: the async read is awaited around it, one run at a time.
  const cpu = [];
  let last;
  for (let r = 0; r < runs + 1; r++) {
    const c0 = process.cpuUsage();
    last = await once();
    const d = process.cpuUsage(c0);
    if (r > 0) cpu.push((d.user + d.system) / 1000);
  }
  // The in-memory part alone, for the table: columns → indicators.
  const [sheet] = await m.readXlsxBuffer(new Uint8Array(readFileSync(file(n))), "e2e.xlsx", {
    formulas: false,
    maxCells: 20_000_000,
  });
  const cols = columnsFromGrid(sheet.values);
  const input = c.prepare(cols, m);
  const mem = timeRuns(() => c.run(input, m), Math.min(runs, 5), 1);
  process.stdout.write(
    JSON.stringify({
      id,
      n,
      cpuMs: median(cpu),
      memCpuMs: median(mem.cpu),
      checksum: checksum(last),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      load: [before, load()],
    }) + "\n",
  );
}

function spawnChild(args) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", ...args.map(String)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error((r.stderr || r.stdout).trim().split("\n").slice(-3).join(" "));
  return JSON.parse(
    (r.stdout ?? "")
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .pop(),
  );
}

const fmt = (x, d = 0) => x.toLocaleString("ru-RU", { maximumFractionDigits: d, minimumFractionDigits: d });
const same = (a, b) =>
  a.groups === b.groups &&
  a.participants === b.participants &&
  a.nulls === b.nulls &&
  Math.abs(a.sum - b.sum) <= 1e-9 * Math.abs(b.sum);

export async function runEndToEnd(sizes, withDanfo) {
  await buildBundle();
  const ids = ["core", "arquero", ...(withDanfo ? ["danfo"] : [])];
  const out = [];
  for (const n of sizes) {
    if (!existsSync(file(n))) spawnChild(["make", n]);
    const runs = n >= 100000 ? 3 : 5;
    // danfojs needs minutes at a million rows (case 1): left out there.
    const rows = ids
      .filter((id) => id !== "danfo" || n < 1e6)
      .map((id) => {
        const r = spawnChild(["run", id, n, id === "danfo" && n >= 100000 ? 1 : runs]);
        process.stderr.write(`  ${fmt(n)} строк, ${id}: ${fmt(r.cpuMs)} мс ЦП\n`);
        return r;
      });
    out.push({ n, rows });
  }
  return out;
}

export function endToEndMarkdown(results, when = new Date()) {
  const lines = [
    BEGIN,
    "## Из файла .xlsx до показателей (issue 23, `bench/cases/end-to-end.mjs`)",
    "",
    `Замер ${when.toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}. Каждый участник в своём процессе делает всю работу: читает файл, распаковывает и разбирает лист (быстрый читатель надстройки — ни arquero, ни danfojs не читают .xlsx), строит свой вход из ячеек (ключи групп, отметки и баллы числами) и считает все показатели групп, как в случае 1. Медиана процессорного времени; «в памяти» — только столбцы → показатели. Load average (1 / 5 / 15 мин) — до и после процесса.`,
    "",
    "| Строк | Участник | Из .xlsx, ЦП, мс | Строк/с (ЦП) | Во сколько раз медленнее ядра | В памяти, ЦП, мс | Пик памяти, МБ | Совпало с ядром | Load average до → после |",
    "|---:|---|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const { n, rows } of results) {
    const core = rows.find((r) => r.id === "core");
    for (const r of rows) {
      lines.push(
        `| ${fmt(n)} | ${CONTENDERS[r.id].label} | ${fmt(r.cpuMs)} | ${fmt((n * 1000) / r.cpuMs)} | ${fmt(r.cpuMs / core.cpuMs, 2)}× | ${fmt(r.memCpuMs, 1)} | ${fmt(r.maxRssMb)} | ${same(r.checksum, core.checksum) ? "да" : "**нет**"} | ${r.load[0].join(" / ")} → ${r.load[1].join(" / ")} |`,
      );
    }
  }
  lines.push(
    "",
    "Цель issue 23 «≥ 10× arquero от ячеек до показателей» недостижима, пока чтение .xlsx (общее для всех) — большая часть работы: отношение здесь показывает, сколько весит сам расчёт.",
    END,
  );
  return lines.join("\n");
}

function writeSection(markdown) {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "";
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  writeFileSync(
    RESULTS,
    a >= 0 && b > a ? text.slice(0, a) + markdown + text.slice(b + END.length) : `${text.trimEnd()}\n\n${markdown}\n`,
  );
}

const [flag, what, a1, a2, a3] = process.argv.slice(2);
if (flag === "--child") {
  const run = what === "make" ? () => childMake(Number(a1)) : () => childRun(a1, Number(a2), Number(a3));
  run().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const sizes = (args.find((x) => /^\d/.test(x)) ?? "1000,10000,100000").split(",").map(Number);
  runEndToEnd(sizes, args.includes("--danfo")).then(
    (r) => {
      const md = endToEndMarkdown(r);
      process.stdout.write(md + "\n");
      if (args.includes("--write")) writeSection(md);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
