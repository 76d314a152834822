#!/usr/bin/env node
/**
 * Issue 23, a region's whole spring in one run: `msoko analyze <30 протоколов> --json …` over 30
 * DISTINCT regional protocols of 25 000 participants each (≈ 750 000 rows) — the ВПР works of one
 * spring (subjects × grades 4–8), both file layouts mixed (even works in the 2022+ layout, odd ones
 * in the 2020–2021 layout, whose title names the work), the same ~625 schools of 20 municipalities
 * writing every work, realistic shares (test/fixtures/fisoko/raw.ts generateProtocol: ~4 % absent,
 * ~⅔ journal = test mark, every 25th school «helps» at the boundaries).
 *
 *   node bench/cases/spring.mjs [УЧАСТНИКОВ] [--works 30] [--steps 10,20,30] [--fresh] [--write]
 *
 * The protocols are generated once into bench/out/spring-N/ (streaming writer src/xlsx/stream; the
 * generation is timed and reported; --fresh generates them again). The command runs from the built
 * CLI (scripts/build-cli.mjs into bench/out/spring-cli, the same bundle `msoko` ships), each run in
 * its own process; reported per run: CPU (user + system), wall, peak RSS (maxRSS), procedures
 * analysed and participants (from the import's «Сведения» lines in the JSON), schools, and the load
 * average before and after. The runs over the first 10, 20 and 30 files show how the peak grows
 * per file, and the last run notes RSS and heap after every 10 files and after the analysis. Every
 * work's scale is passed by --set, as a user would (only ВПР 2026 русский язык 4 класс is shipped).
 * --write replaces this case's section of bench/results.md (between its markers).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { OUT, buildProductCli, bundleEntry } from "../lib/build.mjs";
import { sectionMarkers, writeSection } from "../lib/section.mjs";
import { cpuMs, lastJsonLine, loadAverage as load, peakRssMb } from "../lib/measure.mjs";

const require = createRequire(import.meta.url);
const { begin: BEGIN, end: END } = sectionMarkers("spring");
const GEN_BUNDLE = join(OUT, "spring-generate.mjs");
const CLI_DIR = join(OUT, "spring-cli");
const YEAR = 2026;

/** Subject → its dative after «по» in a 2021-layout title. */
const DATIVE = {
  "русский язык": "русскому языку",
  математика: "математике",
  "окружающий мир": "окружающему миру",
  история: "истории",
  биология: "биологии",
  география: "географии",
  обществознание: "обществознанию",
  физика: "физике",
  химия: "химии",
  "английский язык": "английскому языку",
};

/** The 30 works of a spring: grade → subjects (ВПР 4–8 классов). */
const SPRING = [
  [4, ["русский язык", "математика", "окружающий мир"]],
  [5, ["русский язык", "математика", "история", "биология"]],
  [6, ["русский язык", "математика", "история", "биология", "география", "обществознание"]],
  [
    7,
    ["русский язык", "математика", "история", "биология", "география", "обществознание", "физика", "английский язык"],
  ],
  [
    8,
    [
      "русский язык",
      "математика",
      "история",
      "биология",
      "география",
      "обществознание",
      "физика",
      "химия",
      "английский язык",
    ],
  ],
];

/**
 * Work i of the spring: its subject, grade, layout, task maxima (10–17 tasks of 1–3 points, fixed
 * by i) and scale (minimum scores of «3», «4», «5» at ~35 %, ~60 % and ~82 % of the maximum).
 */
export function works(count = 30) {
  const all = SPRING.flatMap(([grade, subjects]) => subjects.map((subject) => ({ grade, subject })));
  return all.slice(0, count).map(({ grade, subject }, i) => {
    const n = 10 + ((i * 7) % 8);
    const tasks = Array.from({ length: n }, (_, t) => 1 + ((t * 5 + i) % 3));
    const max = tasks.reduce((a, b) => a + b, 0);
    const bounds = [Math.round(max * 0.35), Math.round(max * 0.6), Math.round(max * 0.82)];
    const layout = i % 2 === 0 ? "2022" : "2021";
    const title = `${String(i + 1).padStart(2, "0")} ВПР ${YEAR} ${subject} ${grade} класс`;
    const canonical = subject[0].toUpperCase() + subject.slice(1);
    return {
      i,
      grade,
      subject,
      layout,
      tasks,
      bounds,
      name: `${title}.xlsx`,
      set: `scale|ВПР|${YEAR}|${grade}|${canonical}=${max};${bounds.join(";")}`,
    };
  });
}

const dirOf = (n) => join(OUT, `spring-${n}`);

async function buildGenerator() {
  await bundleEntry(
    [
      'export { generateProtocol } from "./test/fixtures/fisoko/raw";',
      'export { StreamXlsxWorkbook } from "./src/xlsx/stream/workbook";',
    ],
    GEN_BUNDLE,
    { name: "bench-spring-entry.ts" },
  );
}

/** Child: writes the missing protocols; prints per-file generation and writing times. */
async function childGenerate(n, count) {
  const b = await import(pathToFileURL(GEN_BUNDLE).href);
  const dir = dirOf(n);
  mkdirSync(dir, { recursive: true });
  const made = [];
  for (const w of works(count)) {
    const path = join(dir, w.name);
    if (existsSync(path)) continue;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const sheets = b.generateProtocol({
      layout: w.layout,
      participants: n,
      schools: Math.round(n / 40),
      municipalities: 20,
      tasks: w.tasks,
      bounds: w.bounds,
      year: YEAR,
      seed: 2026 + w.i,
      subjectDative: DATIVE[w.subject],
      grade: w.grade,
      firstCode: 1000000 + w.i * 100000,
    });
    const genMs = performance.now() - t0;
    const wb = b.StreamXlsxWorkbook.create(w.name);
    await wb.write({
      ops: sheets.flatMap((s) => [
        { op: "addSheet", name: s.name },
        { op: "values", sheet: s.name, address: "A1", values: s.values },
      ]),
    });
    await wb.save(path);
    made.push({ file: w.name, genMs, ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)) });
    process.stderr.write(`  записан ${w.name}: ${Math.round(performance.now() - t0)} мс\n`);
  }
  process.stdout.write(JSON.stringify({ made, maxRssMb: peakRssMb() }) + "\n");
}

/**
 * Memory in the course of one run, seen from outside the product: the CLI opens each input with
 * fs/promises `open` and writes the JSON with `writeFile`; wrapped here (and synced into the ES
 * module bindings before the CLI is loaded), they note the RSS and heap when protocol k + 1 is
 * opened — after k files read and imported — and when the JSON is written (after the analysis).
 */
function traceFiles(dir, json) {
  const fsp = require("node:fs/promises");
  const marks = [];
  const note = (what) => {
    const m = process.memoryUsage();
    marks.push({ what, rssMb: m.rss / 1048576, heapMb: m.heapUsed / 1048576 });
  };
  const { open, writeFile } = fsp;
  let opened = 0;
  fsp.open = (path, ...rest) => {
    if (String(path).startsWith(dir) && String(path).endsWith(".xlsx")) note(opened++);
    return open(path, ...rest);
  };
  fsp.writeFile = (path, ...rest) => {
    if (String(path) === json) note("json");
    return writeFile(path, ...rest);
  };
  syncBuiltinESMExports();
  return marks;
}

/**
 * Child: `msoko analyze` of the first `files` protocols from the built CLI, timed from the call of
 * its main to its end (the bundle's loading included: it is part of a run).
 */
async function childAnalyze(n, files, count) {
  const list = works(count).slice(0, files);
  const json = join(OUT, `spring-${n}-${files}.json`);
  rmSync(json, { force: true });
  const args = [
    "analyze",
    ...list.map((w) => join(dirOf(n), w.name)),
    "--json",
    json,
    ...list.flatMap((w) => ["--set", w.set]),
  ];
  const trace = traceFiles(dirOf(n), json);
  const before = load();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { main } = await import(pathToFileURL(join(CLI_DIR, "main.js")).href);
  // The command prints a page per school: kept out of the pipe, only the summary line is ours.
  const write = process.stdout.write.bind(process.stdout);
  let printed = 0;
  process.stdout.write = (chunk, ...rest) => {
    printed += chunk.length;
    const cb = rest.find((x) => typeof x === "function");
    if (cb) cb();
    return true;
  };
  const code = await main(args);
  process.stdout.write = write;
  const ms = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(c0));
  const maxRssMb = peakRssMb();
  if (code !== 0) throw new Error(`msoko analyze завершилась с кодом ${code}`);
  const a = JSON.parse(readFileSync(json, "utf8"));
  const procedures = new Set();
  let participants = 0;
  for (const f of a.imported.findings) {
    const m = /(ВПР \d{4}, [^,:]+, \d+ класс): ([\d\s\u00a0]+) участник/.exec(f.message);
    if (f.severity !== "info" || !m) continue;
    procedures.add(m[1]);
    participants += Number(m[2].replace(/\D/g, ""));
  }
  const twice = a.imported.findings.filter((f) => /уже импортированы/.test(f.message)).length;
  write(
    JSON.stringify({
      files,
      ms,
      cpuMs: cpu,
      maxRssMb,
      procedures: procedures.size,
      participants,
      twice,
      schools: a.schools.length,
      municipalities: a.municipalities.length,
      printedMb: printed / 1e6,
      trace,
      load: [before, load()],
    }) + "\n",
  );
}

function spawnChild(args, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, fileURLToPath(import.meta.url), "--child", ...args.map(String)], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) throw new Error(`процесс «${args.join(" ")}» завершился с кодом ${r.status}`);
  return JSON.parse(lastJsonLine(r.stdout));
}

const fmt = (x, d = 0) =>
  x === null || x === undefined
    ? "—"
    : x.toLocaleString("ru-RU", { maximumFractionDigits: d, minimumFractionDigits: d });
/** «1 файл», «2 файла», «5 файлов». */
const pl = (n, [one, few, many]) => {
  const d = n % 10;
  const dd = n % 100;
  return `${fmt(n)} ${d === 1 && dd !== 11 ? one : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? few : many}`;
};
const la = (l) => `${l[0].join(" / ")} → ${l[1].join(" / ")}`;

export async function runSpring(n = 25000, count = 30, steps = [10, 20, 30], fresh = false) {
  await buildGenerator();
  if (fresh) rmSync(dirOf(n), { recursive: true, force: true });
  const t0 = performance.now();
  const generated = spawnChild(["generate", n, count]);
  const genWallMs = performance.now() - t0;
  const dir = dirOf(n);
  const bytes = works(count).reduce((a, w) => a + readFileSync(join(dir, w.name)).length, 0);
  buildProductCli(CLI_DIR);
  const runs = [];
  for (const files of steps.filter((s) => s <= count)) {
    const r = spawnChild(["analyze", n, files, count]);
    process.stderr.write(
      `  ${files} файлов: ${fmt(r.cpuMs / 1000, 1)} с ЦП, ${fmt(r.ms / 1000, 1)} с, пик ${fmt(r.maxRssMb)} МБ, ${r.procedures} процедур, ${fmt(r.participants)} участников\n`,
    );
    runs.push(r);
  }
  return { n, count, generated, genWallMs, bytes, runs };
}

export function springMarkdown(res, when = new Date()) {
  const made = res.generated.made;
  const gen = made.length
    ? `сгенерированы за ${fmt(res.genWallMs / 1000, 1)} с (${fmt(made.reduce((a, m) => a + m.genMs, 0) / 1000, 1)} с — строки генератора, остальное — запись потоковым писателем; по ${fmt(made.reduce((a, m) => a + m.ms, 0) / made.length / 1000, 2)} с на файл)`
    : "взяты готовые из bench/out";
  const lines = [
    BEGIN,
    "## Весна региона в одном запуске (issue 23, `bench/cases/spring.mjs`)",
    "",
    `Замер ${when.toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}, 2 ядра (заняты и другой работой). \`msoko analyze <протоколы> --json …\` из собранной командной строки (scripts/build-cli.mjs), каждый запуск — отдельный процесс. ${pl(res.count, ["протокол", "различных протокола", "различных протоколов"])} по ${fmt(res.n)} строк (работы ВПР ${YEAR} 4–8 классов, макеты 2022 г. и 2020–2021 гг. через один, одни и те же ${fmt(Math.round(res.n / 40))} ОО в 20 муниципалитетах; ${fmt(res.bytes / 1e6, 1)} МБ .xlsx) ${gen}. Прогоны на первых ${res.runs.map((r) => r.files).join(" / ")} файлах — рост пика памяти по файлам.`,
    "",
    "| Файлов | Процедур | Участников | ОО | ЦП, с | Стена, с | Пик памяти (maxRSS), МБ | Load average до → после |",
    "|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of res.runs) {
    lines.push(
      `| ${r.files} | ${r.procedures} | ${fmt(r.participants)} | ${r.schools} | ${fmt(r.cpuMs / 1000, 1)} | ${fmt(r.ms / 1000, 1)} | ${fmt(r.maxRssMb)} | ${la(r.load)} |`,
    );
  }
  const last = res.runs[res.runs.length - 1];
  if (last && res.runs.length > 1) {
    const first = res.runs[0];
    lines.push(
      "",
      `Рост: ${fmt((last.maxRssMb - first.maxRssMb) / (last.files - first.files), 1)} МБ пика и ${fmt((last.cpuMs - first.cpuMs) / 1000 / (last.files - first.files), 2)} с ЦП на файл (между ${first.files} и ${last.files} файлами).`,
    );
  }
  const marks = (last?.trace ?? []).filter(
    (m) => m.what === "json" || (m.what > 0 && (m.what % 10 === 0 || m.what === last.files - 1)),
  );
  if (marks.length)
    lines.push(
      "",
      `По ходу прогона на ${last.files} файлах (RSS / куча, МБ): ${marks
        .map(
          (m) =>
            `${m.what === "json" ? "перед записью JSON (после анализа)" : `после ${pl(m.what, ["файла", "файлов", "файлов"])}`} — ${fmt(m.rssMb)} / ${fmt(m.heapMb)}`,
        )
        .join("; ")}; пик — ${fmt(last.maxRssMb)}.`,
    );
  if (last)
    lines.push(
      "",
      `Цель issue 23 «весна региона (30 файлов) в одном запуске с пиком ≤ 1,5 ГБ» — ${last.files >= 30 && last.procedures >= 30 && last.maxRssMb <= 1536 ? "**выполнена**" : "**не выполнена**"} (${pl(last.files, ["файл", "файла", "файлов"])}, ${pl(last.procedures, ["процедура", "процедуры", "процедур"])}, пик ${fmt(last.maxRssMb)} МБ).`,
    );
  lines.push(END);
  return lines.join("\n");
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") {
  const [, what, ...rest] = argv;
  const nums = rest.map(Number);
  const job = what === "generate" ? childGenerate(nums[0], nums[1]) : childAnalyze(nums[0], nums[1], nums[2]);
  job.catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(argv.find((a, i) => /^\d+$/.test(a) && !argv[i - 1]?.startsWith("--")) ?? 25000);
  const count = Number(opt("--works") ?? 30);
  const steps = (opt("--steps") ?? "10,20,30").split(",").map(Number);
  runSpring(n, count, steps, argv.includes("--fresh")).then(
    (res) => {
      const md = springMarkdown(res);
      if (argv.includes("--write")) writeSection("spring", md);
      process.stdout.write(md + "\n");
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
