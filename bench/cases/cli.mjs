#!/usr/bin/env node
/**
 * Issue 23, the CLI as a user starts it: start-up (`msoko help`, and `msoko summarize` without
 * arguments, which loads a command's module) and `msoko demo --schools N` (CPU per school), each
 * through bin/msoko.mjs and the built bundle dist-cli/ (scripts/build-cli.mjs, as `npm install`
 * builds it; the case builds it first and refuses to measure the TypeScript sources instead).
 *
 *   node bench/cases/cli.mjs [--schools 25,100] [--runs 3] [--write]
 *
 * Every run is its own process. A preload (bench/lib/exit-usage.cjs) notes at exit the process's
 * CPU time (user + system of all its threads, Node's own start included), its wall time and its
 * peak memory. The load average is read before and after every run; the table gives medians with
 * the range. Goals of issue 23: start-up ≤ 0,4 s, demo ≤ 0,1 s CPU per school. --write replaces
 * this case's section of bench/results.md (between its markers).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BENCH, OUT, ROOT, buildProductCli } from "../lib/build.mjs";
import { sectionMarkers, writeSection } from "../lib/section.mjs";
import { loadAverage as load, median, medianRun } from "../lib/measure.mjs";

const { begin: BEGIN, end: END } = sectionMarkers("cli");
const PRELOAD = join(BENCH, "lib", "exit-usage.cjs");
const BIN = join(ROOT, "bin", "msoko.mjs");
const SEED = "2026";
/** Start-up goal (s) and demo goal (s of CPU per school) of issue 23. */
const START_GOAL = 0.4;
const DEMO_GOAL = 0.1;

const fmt = (x, d = 0) => x.toLocaleString("ru-RU", { maximumFractionDigits: d, minimumFractionDigits: d });

/** Builds dist-cli/ as `npm install` does and checks that bin/msoko.mjs will run it (not tsx). */
async function buildCli() {
  buildProductCli();
  const { bundleIsFresh } = await import(pathToFileURL(join(ROOT, "bin", "bundle.mjs")).href);
  if (!bundleIsFresh(ROOT)) throw new Error("dist-cli/ не свежее исходников: msoko запустился бы через tsx.");
}

/** One process of `msoko …args`: its usage as the preload noted it, and the load average around it. */
function run(args) {
  const scratch = mkdtempSync(join(tmpdir(), "msoko-cli-bench-"));
  const usageFile = join(scratch, "usage.json");
  const before = load();
  const r = spawnSync(process.execPath, ["--require", PRELOAD, BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, MSOKO_BENCH_USAGE: usageFile, MSOKO_CLI: "" },
  });
  const after = load();
  let usage;
  try {
    if (!existsSync(usageFile))
      throw new Error(
        `msoko ${args.join(" ")}: процесс завершился${r.signal ? ` сигналом ${r.signal}` : ` с кодом ${r.status}`}, не записав замер: ${(r.stderr || r.error?.message || "").slice(0, 300)}`,
      );
    usage = JSON.parse(readFileSync(usageFile, "utf8"));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { ...usage, status: r.status, stderr: r.stderr, load: [before, after] };
}

/** `runs` processes of the same command: medians, ranges and the load around the median run. */
function series(label, args, runs, check = () => {}) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const r = typeof args === "function" ? args() : run(args);
    check(r);
    all.push(r);
    process.stderr.write(`  ${label}, прогон ${i + 1}: ${fmt(r.cpuMs)} мс ЦП, ${fmt(r.ms)} мс по часам\n`);
  }
  const m = medianRun(all);
  return {
    label,
    forms: m.forms,
    cpuMs: m.cpuMs,
    ms: m.ms,
    maxRssMb: median(all.map((r) => r.maxRssMb)),
    allCpuMs: m.allCpuMs,
    load: m.load,
  };
}

/** `msoko demo --schools n` into a fresh folder; the files are counted and removed after the run. */
function demoRun(n) {
  const dir = join(OUT, `cli-demo-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const r = run(["demo", "--out", dir, "--schools", String(n), "--seed", SEED]);
  const forms = readdirSync(dir).filter((f) => f.endsWith(".xlsx")).length;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0)
    throw new Error(`msoko demo --schools ${n} завершилась с кодом ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { ...r, forms };
}

export async function runCli({ schools = [25, 100], runs = 3 } = {}) {
  await buildCli();
  const okExit = (code) => (r) => {
    if (r.status !== code) throw new Error(`код ${r.status} вместо ${code}: ${r.stderr.slice(0, 300)}`);
  };
  const start = [
    series("msoko help", ["help"], Math.max(runs, 5), okExit(0)),
    // Without arguments: the command's module is loaded, its usage printed, exit code 2.
    {
      ...series("msoko summarize", ["summarize"], Math.max(runs, 5), okExit(2)),
      note: "без аргументов: загружает модуль команды",
    },
  ];
  const demo = schools.map((n) => ({ schools: n, ...series(`msoko demo --schools ${n}`, () => demoRun(n), runs) }));
  return { start, demo };
}

const range = (xs) => `${fmt(Math.min(...xs) / 1000, 2)}–${fmt(Math.max(...xs) / 1000, 2)}`;
const loadText = (r) => `${r.load[0].join(" / ")} → ${r.load[1].join(" / ")}`;

/** The section of bench/results.md for these measurements. */
export function cliMarkdown({ start, demo }, when = new Date()) {
  const lines = [
    BEGIN,
    "## Старт CLI и `msoko demo` (issue 23, `bench/cases/cli.mjs`)",
    "",
    `Замер ${when.toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}, 2 ядра (заняты и другой работой). Команды запускаются так же, как их запускает пользователь: \`node bin/msoko.mjs …\` со сборкой \`dist-cli/\` (\`scripts/build-cli.mjs\`, её делает \`npm install\`). Каждый прогон — отдельный процесс; ЦП — user + system всех потоков процесса от его запуска, вместе со стартом самого Node; медиана прогонов, в скобках — разброс; load average (1 / 5 / 15 мин) — до и после прогона с медианой.`,
    "",
    "| Команда | ЦП, с | По часам, с | Пик памяти, МБ | Load average до → после |",
    "|---|---:|---:|---:|---|",
  ];
  for (const r of start)
    lines.push(
      `| \`${r.label}\`${r.note ? ` (${r.note})` : ""} | ${fmt(r.cpuMs / 1000, 2)} (${range(r.allCpuMs)}) | ${fmt(r.ms / 1000, 2)} | ${fmt(r.maxRssMb)} | ${loadText(r)} |`,
    );
  lines.push(
    "",
    `\`msoko demo --out ПАПКА --schools N --seed ${SEED}\`: демонстрационный муниципалитет — N форм школ, детский сад и форма МОУО «Цикл» (потоковая запись .xlsx).`,
    "",
    "| Школ | Файлов | ЦП, с | ЦП на школу, с | По часам, с | Пик памяти, МБ | Load average до → после |",
    "|---:|---:|---:|---:|---:|---:|---|",
  );
  for (const r of demo)
    lines.push(
      `| ${r.schools} | ${r.forms} | ${fmt(r.cpuMs / 1000, 2)} (${range(r.allCpuMs)}) | ${fmt(r.cpuMs / 1000 / r.schools, 3)} | ${fmt(r.ms / 1000, 2)} | ${fmt(r.maxRssMb)} | ${loadText(r)} |`,
    );
  const slowestStart = Math.max(...start.map((r) => r.cpuMs / 1000));
  const largest = demo[demo.length - 1];
  const perSchool = largest ? largest.cpuMs / 1000 / largest.schools : NaN;
  lines.push(
    "",
    `Цели issue 23: старт ≤ ${fmt(START_GOAL, 1)} с — ${slowestStart <= START_GOAL ? "**выполнена**" : "**не выполнена**"} (${fmt(slowestStart, 2)} с ЦП в худшей команде); \`demo\` ≤ ${fmt(DEMO_GOAL, 1)} с ЦП на школу — ${perSchool <= DEMO_GOAL ? "**выполнена**" : "**не выполнена**"} (${fmt(perSchool, 3)} с на ${largest?.schools ?? 0} школах; на малом числе школ доля старта и общей части муниципалитета больше).`,
    END,
  );
  return lines.join("\n");
}

const argv = process.argv.slice(2);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = (flag) => argv.indexOf(flag);
  const schools = at("--schools") >= 0 ? argv[at("--schools") + 1].split(",").map(Number) : [25, 100];
  const runs = at("--runs") >= 0 ? Number(argv[at("--runs") + 1]) : 3;
  runCli({ schools, runs }).then(
    (result) => {
      const md = cliMarkdown(result);
      if (argv.includes("--write")) writeSection("cli", md);
      process.stdout.write(`${md}\n`);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
