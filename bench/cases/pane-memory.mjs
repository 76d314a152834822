#!/usr/bin/env node
/**
 * Issue 23, the pane's summary in bounded memory: the «Свод» page of the built pane (webpack
 * production build, as the browser tests use it) in Debian's chromium, against an office.js that
 * plays Excel on the web (bench/lib/office-sink.ts: the strict fake of the Excel object model, whose
 * workbook counts and drops the written cells — in Excel they live outside the pane). The forms are
 * picked as a user picks them (setInputFiles: File objects backed by the files on disk), the button
 * «Построить свод» runs the page's own flow (read each file in the browser → parse → consolidate →
 * build → write every sheet through the Office.js port in requests under 5 MB).
 *
 * Measured per size, each in a fresh browser: the page's JS heap (CDP Performance.getMetrics,
 * JSHeapUsedSize / JSHeapTotalSize, every ~100 ms — the samples wait while the page runs one long
 * task, so the heap's peak may fall between two of them), the renderer process's memory (VmRSS of
 * /proc/<pid>/status every 100 ms from Node, and its high-water mark VmHWM at the end: the true
 * peak), its CPU time, the wall time of the build and of its phases (reading the files, building,
 * writing), the requests sent to Excel (syncs, bytes, the largest) and the JS heap left after the
 * build and a forced garbage collection (what the pane keeps while it stays open).
 *
 *   node bench/cases/pane-memory.mjs [25,100,500] [--cap=MB] [--write]
 *
 * --cap=MB starts the renderer with V8's old space capped at MB (--max-old-space-size): the run
 * then shows whether the summary fits in that heap at all. --write replaces this case's section
 * of bench/results.md (between its markers). Forms: the first N of bench/out/forms-500 (made once
 * with `msoko demo --schools 500 --seed 2026`, as summary-stream.mjs makes them); the pane is built
 * into bench/out/pane-dist when it is missing or older than src/.
 */
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { BENCH, OUT, ROOT } from "../lib/build.mjs";
import { sectionMarkers, writeSection } from "../lib/section.mjs";
import { loadAverage as load } from "../lib/measure.mjs";

const { begin: BEGIN, end: END } = sectionMarkers("pane-memory");
const CHROMIUM = "/usr/bin/chromium";
const DIST = join(OUT, "pane-dist");
const SINK = join(OUT, "office-sink.js");
const FORMS = join(OUT, "forms-500");
const OFFICE_JS = new Set([
  "https://officeapis.public.onecdn.static.microsoft/1/office.js",
  "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
]);
const SAMPLE_MS = 100;
const MB = 1024 * 1024;

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The production build of the pane into bench/out/pane-dist, when missing or older than src/. */
function ensurePane() {
  const html = join(DIST, "taskpane.html");
  if (existsSync(html) && statSync(html).mtimeMs > newestMtime(join(ROOT, "src"))) return false;
  process.stderr.write("  сборка панели (webpack --mode production)…\n");
  const r = spawnSync("npx", ["webpack", "--mode", "production", "--output-path", DIST], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  if (r.status !== 0) throw new Error(`сборка панели не удалась: ${(r.stderr || r.stdout).slice(-500)}`);
  // webpack leaves an unchanged taskpane.html as it was: its time now stands for the build's.
  const now = new Date();
  utimesSync(html, now, now);
  return true;
}

async function buildSink() {
  const esbuild = createRequire(join(ROOT, "package.json"))("esbuild");
  await esbuild.build({
    entryPoints: [join(BENCH, "lib", "office-sink.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    outfile: SINK,
    logLevel: "error",
  });
}

function ensureForms() {
  if (existsSync(join(FORMS, ".complete"))) return;
  process.stderr.write("  создание 500 форм (msoko demo, несколько минут)…\n");
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "bin", "msoko.mjs"), "demo", "--out", FORMS, "--schools", "500", "--seed", "2026"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * MB },
  );
  if (r.status !== 0) throw new Error(`msoko demo не создал формы: ${(r.stderr || r.stdout).slice(-500)}`);
  writeFileSync(join(FORMS, ".complete"), "500\n");
}

/** The first `n` school forms of the folder, by name. */
function formFiles(n) {
  const all = readdirSync(FORMS)
    .filter((f) => /^(edu|doo)\d+\.xlsx$/.test(f))
    .sort();
  if (all.length < n) throw new Error(`в ${FORMS} только ${all.length} форм, нужно ${n}`);
  return all.slice(0, n).map((f) => join(FORMS, f));
}

function serve(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css" };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(dir, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(await readFile(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** VmRSS / VmHWM (bytes) and CPU ticks of a process, or null once it is gone. */
function procStatus(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0) * 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { rss: kb("VmRSS"), hwm: kb("VmHWM"), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

const CLK_TCK = 100;

/** One build of the summary over `n` forms in a fresh browser. */
async function runOnce(chromium, base, n, capMb) {
  const files = formFiles(n);
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
  args.push("--disable-component-update", "--disable-sync", "--disable-features=Translate,MediaRouter");
  if (capMb) args.push(`--js-flags=--max-old-space-size=${capMb}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  try {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: "ru-RU" });
    const sink = readFileSync(SINK, "utf8");
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (OFFICE_JS.has(url)) return route.fulfill({ status: 200, contentType: "text/javascript", body: sink });
      const { hostname, protocol } = new URL(url);
      if (protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1") return route.continue();
      return route.abort();
    });
    const page = await context.newPage();
    const problems = [];
    let crashed = false;
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("crash", () => {
      crashed = true;
    });
    await page.goto(base + "taskpane.html");
    await page.getByRole("tab", { name: "Свод", exact: true }).click({ timeout: 60_000 });

    // The renderer(s) of the browser: the page's is the one whose memory grows.
    const bcdp = await browser.newBrowserCDPSession();
    const { processInfo } = await bcdp.send("SystemInfo.getProcessInfo");
    const renderers = processInfo.filter((p) => p.type === "renderer").map((p) => p.id);
    const start = new Map(renderers.map((pid) => [pid, procStatus(pid)]));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const metrics = async () => {
      const { metrics: m } = await cdp.send("Performance.getMetrics");
      const get = (name) => m.find((x) => x.name === name)?.value ?? 0;
      // ArrayBuffer backing stores (file bytes, inflated parts) live outside the JS heap's figures.
      const usage = await cdp.send("Runtime.getHeapUsage").catch(() => ({}));
      return { used: get("JSHeapUsedSize"), total: get("JSHeapTotalSize"), buffers: usage.backingStorageSize ?? 0 };
    };
    const before = await metrics();

    await page.getByTestId("summary-files").setInputFiles(files);
    await page.getByTestId("summary-chosen").waitFor({ timeout: 60_000 });
    // Phases as the status area names them: «Файл i из n», «Расчёт…», «Лист i из n».
    await page.evaluate(() => {
      window.__phases = [];
      const area = document.querySelector('[data-testid="status-area"]');
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="status-progress"]')?.textContent ?? "";
        const phase = text.startsWith("Файл")
          ? "read"
          : text.startsWith("Расчёт")
            ? "build"
            : /^Лист/.test(text)
              ? "write"
              : "";
        const last = window.__phases[window.__phases.length - 1];
        if (phase && last?.phase !== phase) window.__phases.push({ phase, t: Date.now() });
      }).observe(area, { subtree: true, childList: true, characterData: true });
    });

    const samples = [];
    const rss = [];
    const procTimer = setInterval(() => {
      // The largest renderer: the page's (a spare renderer may idle beside it; shared pages count in both).
      let most = 0;
      for (const pid of renderers) most = Math.max(most, procStatus(pid)?.rss ?? 0);
      rss.push({ t: Date.now(), rss: most });
    }, SAMPLE_MS);
    let sampling = true;
    const heapLoop = (async () => {
      while (sampling && !crashed) {
        const t0 = Date.now();
        try {
          samples.push({ t: Date.now(), ...(await metrics()) });
        } catch {
          break;
        }
        await new Promise((r) => setTimeout(r, Math.max(0, SAMPLE_MS - (Date.now() - t0))));
      }
    })();

    const loadBefore = load();
    const t0 = Date.now();
    await page.getByRole("button", { name: "Построить свод" }).click();
    let message = "";
    for (;;) {
      if (crashed) break;
      const status = page.getByTestId("status-message");
      if (await status.count().catch(() => 0)) {
        message = (await status.innerText()).trim();
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const ms = Date.now() - t0;
    const loadAfter = load();
    sampling = false;
    clearInterval(procTimer);
    await heapLoop;

    const end = new Map(renderers.map((pid) => [pid, procStatus(pid)]));
    // VmHWM is updated lazily by the kernel and may lag behind a sampled VmRSS: the peak is the larger.
    const hwm = Math.max(0, ...[...end.values()].map((s) => s?.hwm ?? 0), ...rss.map((s) => s.rss));
    const cpuS = [...end.entries()].reduce(
      (s, [pid, e]) => s + ((e?.ticks ?? 0) - (start.get(pid)?.ticks ?? 0)) / CLK_TCK,
      0,
    );
    let after = null;
    let bench = null;
    let phases = [];
    let summary = "";
    if (!crashed) {
      await cdp.send("HeapProfiler.collectGarbage");
      after = await metrics();
      ({ bench, phases } = await page.evaluate(() => ({
        bench: JSON.parse(JSON.stringify(window.__paneBench)),
        phases: window.__phases,
      })));
      summary = await page
        .getByRole("region", { name: "Итог построения свода" })
        .innerText({ timeout: 1000 })
        .catch(() => "");
    }
    const phaseEnd = (i) => (i + 1 < phases.length ? phases[i + 1].t : t0 + ms);
    const phaseStats = phases.map((p, i) => {
      const inside = (s) => s.t >= p.t && s.t <= phaseEnd(i);
      return {
        phase: p.phase,
        ms: phaseEnd(i) - p.t,
        heapMax: Math.max(0, ...samples.filter(inside).map((s) => s.used)),
        rssMax: Math.max(0, ...rss.filter(inside).map((s) => s.rss)),
        buffersMax: Math.max(0, ...samples.filter(inside).map((s) => s.buffers)),
      };
    });
    return {
      forms: n,
      bytes,
      capMb,
      ok: !crashed && /^Свод построен/.test(message),
      crashed,
      message,
      summary: summary.replace(/\s+/g, " ").slice(0, 200),
      problems,
      ms,
      cpuS,
      heapBefore: before.used,
      rendererBefore: Math.max(0, ...[...start.values()].map((s) => s?.rss ?? 0)),
      heapPeak: Math.max(0, ...samples.map((s) => s.used)),
      heapTotalPeak: Math.max(0, ...samples.map((s) => s.total)),
      heapAfter: after?.used ?? null,
      samples: samples.length,
      rssPeakSampled: Math.max(0, ...rss.map((s) => s.rss)),
      rendererHwm: hwm,
      phases: phaseStats,
      syncs: bench?.log.syncs ?? 0,
      requestBytes: bench?.log.totalRequestBytes ?? 0,
      maxRequestBytes: bench?.log.maxRequestBytes ?? 0,
      responseBytes: bench?.log.totalResponseBytes ?? 0,
      refused: bench?.log.refused ?? [],
      droppedOps: bench?.sink.dropped ?? 0,
      droppedBytes: bench?.sink.droppedBytes ?? 0,
      bytesBySheet: bench?.sink.bySheet ?? {},
      load: [loadBefore, loadAfter],
      series: { t0, heap: samples, rss },
    };
  } finally {
    await browser.close();
  }
}

export async function runPaneMemory(sizes = [25, 100, 500], capMb = 0) {
  if (!existsSync(CHROMIUM)) throw new Error(`нет ${CHROMIUM}: нужен chromium из Debian (apt-get install chromium)`);
  const { chromium } = await import("playwright-core");
  ensureForms();
  ensurePane();
  await buildSink();
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const rows = [];
  try {
    for (const n of sizes) {
      const r = await runOnce(chromium, base, n, capMb);
      process.stderr.write(
        `  ${n} форм: ${r.ok ? "готово" : "НЕ ГОТОВО: " + (r.crashed ? "вкладка упала" : r.message)} за ${fmt(r.ms / 1000, 1)} с; ` +
          `куча JS до ${fmt(r.heapPeak / MB)} МБ, процесс до ${fmt(r.rendererHwm / MB)} МБ; после сборки мусора ${r.heapAfter === null ? "—" : fmt(r.heapAfter / MB)} МБ\n`,
      );
      rows.push(r);
    }
  } finally {
    server.close();
  }
  return rows;
}

const fmt = (x, d = 0) => x.toLocaleString("ru-RU", { maximumFractionDigits: d, minimumFractionDigits: d });
const la = (l) => `${l[0].join(" / ")} → ${l[1].join(" / ")}`;
const PHASE = { read: "чтение", build: "расчёт", write: "запись" };

export function paneMemoryMarkdown(rows, when = new Date()) {
  const cap = rows.find((r) => r.capMb)?.capMb;
  const lines = [
    BEGIN,
    "## Свод в панели: память (issue 23, `bench/cases/pane-memory.mjs`)",
    "",
    `Замер ${when.toISOString().slice(0, 16).replace("T", " ")} UTC, chromium из Debian (headless), ${os.cpus().length} ядра (заняты и другой работой).` +
      " Панель — production-сборка; office.js — строгая имитация Excel в вебе, которая считает записанное и не хранит его (в Excel ячейки живут вне панели)." +
      " Формы выбираются как пользователем (File с диска), «Построить свод» — тот же путь, что на странице «Свод». Каждая строка — новый браузер." +
      " Куча JS — JSHeapUsedSize по CDP раз в ~100 мс (во время одной долгой задачи замеры ждут); процесс — пик RSS процесса вкладки (большее из VmHWM в конце и VmRSS раз в 100 мс)." +
      (cap ? ` Куча V8 ограничена ${cap} МБ (--max-old-space-size).` : ""),
    "",
    "| Форм (МБ файлов) | Итог | Стена, с | ЦП вкладки, с | Пик кучи JS, МБ | Пик процесса, МБ | Куча после, МБ | Фазы: стена, с / пик кучи, МБ | Запросов в Excel (МБ, наибольший) | Load average до → после |",
    "|---:|---|---:|---:|---:|---:|---:|---|---:|---|",
  ];
  for (const r of rows) {
    const phases = r.phases.map((p) => `${PHASE[p.phase]} ${fmt(p.ms / 1000, 1)} / ${fmt(p.heapMax / MB)}`).join("; ");
    lines.push(
      `| ${r.forms} (${fmt(r.bytes / MB, 1)}) | ${r.ok ? "свод построен" : r.crashed ? "**вкладка упала**" : `**${r.message.slice(0, 80)}**`} | ${fmt(r.ms / 1000, 1)} | ${fmt(r.cpuS, 1)} | ${fmt(r.heapPeak / MB)} | ${fmt(r.rendererHwm / MB)} | ${r.heapAfter === null ? "—" : fmt(r.heapAfter / MB)} | ${phases} | ${r.syncs} (${fmt(r.requestBytes / MB, 1)}, ${fmt(r.maxRequestBytes / MB, 2)}) | ${la(r.load)} |`,
    );
  }
  const last = rows[rows.length - 1];
  const heaviest = Object.entries(last?.bytesBySheet ?? {}).sort((x, y) => y[1] - x[1])[0];
  if (heaviest)
    lines.push(
      "",
      `Больше всего записано на лист «${heaviest[0]}»: ${fmt(heaviest[1] / MB, 1)} МБ JSON из ${fmt(last.droppedBytes / MB, 1)} МБ (${last.forms} форм); его действия строятся сразу для всего листа и уходят в Excel частями ≤ 4 МБ.`,
    );
  const big = rows.find((r) => r.forms === 500);
  if (big)
    lines.push(
      "",
      `Цель issue 23 для 500 форм в панели: пик ≤ 1 ГБ — ${big.ok && big.rendererHwm <= 1024 * MB ? "**выполнена**" : "**не выполнена**"} (процесс вкладки ${fmt(big.rendererHwm / MB)} МБ, куча JS ${fmt(big.heapPeak / MB)} МБ).`,
    );
  lines.push(END);
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const sizes = (args.find((x) => /^\d/.test(x)) ?? "25,100,500").split(",").map(Number);
  const capMb = Number(args.find((x) => x.startsWith("--cap="))?.slice(6) ?? 0);
  runPaneMemory(sizes, capMb).then(
    (rows) => {
      const md = paneMemoryMarkdown(rows);
      process.stdout.write(md + "\n");
      // --json: every figure and the sampled series (heap and RSS over time) into bench/out/pane-memory.json.
      if (args.includes("--json")) writeFileSync(join(OUT, "pane-memory.json"), JSON.stringify(rows));
      if (args.includes("--write")) writeSection("pane-memory", md);
    },
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    },
  );
}
