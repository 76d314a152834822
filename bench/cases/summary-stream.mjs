#!/usr/bin/env node
/**
 * Issue 23, bounded-memory summary: `msoko summarize ПАПКА --out СВОД.xlsx` over 25, 100 and 500
 * school forms, each run in its own process, against the baseline of the same forms — read every
 * file, inflate every part of its zip (node:zlib) and scan each sheet's and the shared strings'
 * XML once, counting cells and values: the unavoidable part of the work. Reported per size: CPU
 * time (process.cpuUsage, user + system) and its ratio to the baseline, wall time, peak memory of
 * the process (maxRSS) and the load average before and after each run (2 cores shared with other
 * work: wall time is inflated, CPU time much less).
 *
 * Variants: «новый файл» — a new --out, written by the streaming writer (src/xlsx/stream);
 * «повторно» — the same command into the summary the first variant left: the user's sheets kept,
 * the generated ones replaced by the zip-level merge (src/xlsx/merge; exceljs before).
 *
 *   node bench/cases/summary-stream.mjs [25,100,500] [--rerun] [--write]
 *
 * --write replaces this case's section of bench/results.md (between its markers), leaving the rest
 * of the file as it is. Forms are made once by `msoko demo --schools N --seed 2026` into
 * bench/out/forms-N (as case 4 does). The measured command is the product's own build
 * (scripts/build-cli.mjs into bench/out/summary-cli/), loaded as `msoko` loads it (loadCommand: V8
 * set for a batch run, the code cache of src/cli/cached-command.ts, which the first run writes)
 * before the clock starts.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CLI_BUNDLE, OUT, buildCliBundle, buildProductCli } from "../lib/build.mjs";
import { ensureForms, formsDir, summarizeOnce } from "./consolidation.mjs";
import { sectionMarkers, writeSection } from "../lib/section.mjs";
import { cpuMs, loadAverage as load, memoryIo, peakRssMb, runChild } from "../lib/measure.mjs";

const { begin: BEGIN, end: END } = sectionMarkers("summary-stream");
/** The product's CLI build the summarising child runs. */
const SUMMARY_CLI = join(OUT, "summary-cli");

/** Child: the baseline over every form of the folder. */
function childBaseline(forms) {
  return import("node:zlib").then(({ inflateRawSync }) => {
    const dir = formsDir(forms);
    const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
    const before = load();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let cells = 0;
    let values = 0;
    let bytes = 0;
    for (const f of files) {
      const buf = readFileSync(join(dir, f));
      let eocd = buf.length - 22;
      while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
      const entries = buf.readUInt16LE(eocd + 10);
      let at = buf.readUInt32LE(eocd + 16);
      for (let i = 0; i < entries; i++) {
        const method = buf.readUInt16LE(at + 10);
        const size = buf.readUInt32LE(at + 20);
        const nameLen = buf.readUInt16LE(at + 28);
        const extraLen = buf.readUInt16LE(at + 30);
        const commentLen = buf.readUInt16LE(at + 32);
        const local = buf.readUInt32LE(at + 42);
        const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
        at += 46 + nameLen + extraLen + commentLen;
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + size);
        const xml = method === 0 ? data : inflateRawSync(data);
        bytes += xml.length;
        if (!/^xl\/(worksheets\/|sharedStrings)/.test(name)) continue;
        for (let k = 0; k < xml.length - 2; k++) {
          if (xml[k] !== 0x3c) continue; // <
          const a = xml[k + 1];
          const b = xml[k + 2];
          if (a === 0x63 && (b === 0x20 || b === 0x3e))
            cells++; // <c  <c>
          else if ((a === 0x76 || a === 0x74) && (b === 0x3e || b === 0x20)) values++; // <v> <t>
        }
      }
    }
    const out = {
      forms: files.length,
      ms: performance.now() - t0,
      cpuMs: cpuMs(process.cpuUsage(c0)),
      cells,
      values,
      bytes,
      maxRssMb: peakRssMb(),
      load: [before, load()],
    };
    process.stdout.write(JSON.stringify(out) + "\n");
  });
}

/** Child: one summarize run; "new" into a new file, "rerun" into the file a "new" run left. */
async function childSummarize(forms, variant) {
  const product = await import(pathToFileURL(join(SUMMARY_CLI, "main.js")).href);
  const cli = { summarize: await product.loadCommand("summarize"), memoryIo };
  const dir = formsDir(forms);
  const out = join(OUT, `stream-summary-${forms}.xlsx`);
  if (variant === "new") rmSync(out, { force: true });
  else if (!existsSync(out)) throw new Error(`нет ${out}: повторной сводке нужен файл первой`);
  const before = load();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await summarizeOnce(cli, dir, out);
  const res = {
    forms,
    variant,
    ms: performance.now() - t0,
    cpuMs: cpuMs(process.cpuUsage(c0)),
    maxRssMb: peakRssMb(),
    load: [before, load()],
  };
  process.stdout.write(JSON.stringify(res) + "\n");
}

async function childForms(forms) {
  const cli = await import(CLI_BUNDLE);
  await ensureForms(cli, forms);
  process.stdout.write(JSON.stringify({ forms }) + "\n");
}

function spawnChild(args) {
  return runChild(fileURLToPath(import.meta.url), ["--child", ...args]);
}

const fmt = (x, d = 0) => x.toLocaleString("ru-RU", { maximumFractionDigits: d, minimumFractionDigits: d });
const la = (l) => `${l[0].join(" / ")} → ${l[1].join(" / ")}`;

export async function runSummaryStream(sizes = [25, 100, 500], rerun = false) {
  await buildCliBundle();
  buildProductCli(SUMMARY_CLI);
  const rows = [];
  for (const forms of sizes) {
    spawnChild(["forms", forms]);
    const baseline = spawnChild(["baseline", forms]);
    process.stderr.write(`  ${forms} форм: базовый проход ${fmt(baseline.cpuMs / 1000, 2)} с ЦП\n`);
    const fresh = spawnChild(["summarize", forms, "new"]);
    process.stderr.write(`  ${forms} форм: новый файл ${fmt(fresh.cpuMs / 1000, 1)} с ЦП, ${fmt(fresh.maxRssMb)} МБ\n`);
    const again = rerun ? spawnChild(["summarize", forms, "rerun"]) : null;
    if (again)
      process.stderr.write(`  ${forms} форм: повторно ${fmt(again.cpuMs / 1000, 1)} с ЦП, ${fmt(again.maxRssMb)} МБ\n`);
    rows.push({ forms, baseline, fresh, again });
  }
  return rows;
}

export function summaryStreamMarkdown(rows, when = new Date()) {
  const lines = [
    BEGIN,
    "## Сводка с ограниченной памятью (issue 23, `bench/cases/summary-stream.mjs`)",
    "",
    `Замер ${when.toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}, ${os.cpus().length} ядра (заняты и другой работой: стена завышена, ЦП — почти нет). ` +
      "Каждая строка — отдельный процесс; load average (1 / 5 / 15 мин) — до и после него. Команда — сборка самого продукта (`scripts/build-cli.mjs`), загруженная так же, как её загружает `msoko` (настройка V8 для пакетной работы, кэш кода — его пишет первый прогон сборки, 25 форм); загрузка модуля не входит в замер. Базовый проход: прочитать все формы, распаковать каждую часть zip и один раз просмотреть XML листов и общих строк — неустранимая часть работы. «Новый файл» пишется потоковой записью (`src/xlsx/stream`), «повторно» — та же команда в существующий свод: слияние на уровне zip (`src/xlsx/merge`), листы пользователя копируются как есть.",
    "",
    "| Форм | Вариант | ЦП, с | ЦП / базовый | ЦП на форму, мс | Стена, с | Пик памяти, МБ | Load average до → после |",
    "|---:|---|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.forms} | базовый проход (${fmt(r.baseline.cells)} ячеек, ${fmt(r.baseline.bytes / 1e6, 1)} МБ XML) | ${fmt(r.baseline.cpuMs / 1000, 2)} | 1× | ${fmt(r.baseline.cpuMs / r.forms, 1)} | ${fmt(r.baseline.ms / 1000, 2)} | ${fmt(r.baseline.maxRssMb)} | ${la(r.baseline.load)} |`,
    );
    for (const [label, v] of [
      ["новый файл (потоковая запись)", r.fresh],
      ["повторно (слияние zip)", r.again],
    ]) {
      if (!v) continue;
      lines.push(
        `| ${r.forms} | ${label} | ${fmt(v.cpuMs / 1000, 1)} | ${fmt(v.cpuMs / r.baseline.cpuMs, 1)}× | ${fmt(v.cpuMs / r.forms)} | ${fmt(v.ms / 1000, 1)} | ${fmt(v.maxRssMb)} | ${la(v.load)} |`,
      );
    }
  }
  const big = rows.find((r) => r.forms === 500);
  if (big)
    lines.push(
      "",
      `Цель issue 23 для 500 форм: пик памяти ≤ 1 ГБ — ${big.fresh.maxRssMb <= 1024 ? "**выполнена**" : "**не выполнена**"} (${fmt(big.fresh.maxRssMb)} МБ); ЦП ≤ 4× базового — ${big.fresh.cpuMs <= 4 * big.baseline.cpuMs ? "**выполнена**" : "**не выполнена**"} (${fmt(big.fresh.cpuMs / big.baseline.cpuMs, 1)}×).`,
    );
  lines.push(END);
  return lines.join("\n");
}

const [flag, what, a1, a2] = process.argv.slice(2);
if (flag === "--child") {
  const run =
    what === "forms"
      ? () => childForms(Number(a1))
      : what === "baseline"
        ? () => childBaseline(Number(a1))
        : () => childSummarize(Number(a1), a2);
  run().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const sizes = (args.find((x) => /^\d/.test(x)) ?? "25,100,500").split(",").map(Number);
  runSummaryStream(sizes, args.includes("--rerun")).then(
    (rows) => {
      const md = summaryStreamMarkdown(rows);
      process.stdout.write(md + "\n");
      if (args.includes("--write")) writeSection("summary-stream", md);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
