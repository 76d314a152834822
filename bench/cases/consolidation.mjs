/**
 * Case 4, consolidation: `msoko summarize` over 25, 100 and 500 filled school forms (made by
 * `msoko demo`, outside the timing): wall time, peak memory (/usr/bin/time) and time per form;
 * growth must be linear. Runs only when src/cli/commands/summarize.ts exists; until then it
 * reports that it waits for the command.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { OUT, ROOT } from "../lib/build.mjs";
import { median } from "../lib/measure.mjs";

export const FORM_COUNTS = [25, 100, 500];
const CLI = join(ROOT, "bin", "msoko.mjs");
const SUMMARIZE = join(ROOT, "src", "cli", "commands", "summarize.ts");

/** The arguments summarize is called with; its usage line is quoted in the results if they fail. */
export function summarizeArgs(formsDir, outFile) {
  return ["summarize", formsDir, "--out", outFile];
}

function msoko(args, timed) {
  const t0 = performance.now();
  const r = timed
    ? spawnSync("/usr/bin/time", ["-f", "maxrss=%M", process.execPath, CLI, ...args], { encoding: "utf8", cwd: ROOT, timeout: 1_200_000 })
    : spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT, timeout: 1_200_000 });
  const ms = performance.now() - t0;
  const rss = /maxrss=(\d+)/.exec(r.stderr ?? "");
  return { ms, status: r.status, maxRssMb: rss ? Number(rss[1]) / 1024 : null, stderr: (r.stderr ?? "").replace(/maxrss=\d+\s*/, "").trim() };
}

function usageLine() {
  const m = /export const usage\s*=\s*["'`](.*)["'`]/.exec(readFileSync(SUMMARIZE, "utf8"));
  return m ? m[1] : "(строка usage не найдена)";
}

export function runConsolidation(runsFor = (n) => (n >= 500 ? 3 : 5)) {
  if (!existsSync(SUMMARIZE)) return { pending: "ожидает команды summarize (src/cli/commands/summarize.ts ещё не написана)" };
  const rows = [];
  for (const forms of FORM_COUNTS) {
    const dir = join(OUT, `forms-${forms}`);
    rmSync(dir, { recursive: true, force: true });
    const made = msoko(["demo", "--out", dir, "--schools", forms], false);
    if (made.status !== 0) return { error: `msoko demo не создал ${forms} форм (код ${made.status}): ${made.stderr.slice(0, 300)}` };
    const times = [];
    let peak = 0;
    for (let r = 0; r < runsFor(forms); r++) {
      const res = msoko(summarizeArgs(dir, join(OUT, `summary-${forms}.xlsx`)), true);
      if (res.status !== 0) {
        return { error: `msoko ${summarizeArgs("ПАПКА", "ФАЙЛ").join(" ")} завершилась с кодом ${res.status}: ${res.stderr.slice(0, 300)}. Использование команды: ${usageLine()} — поправьте summarizeArgs в bench/cases/consolidation.mjs.` };
      }
      times.push(res.ms);
      peak = Math.max(peak, res.maxRssMb ?? 0);
    }
    rows.push({ forms, times, median: median(times), perFormMs: median(times) / forms, peakRssMb: peak });
  }
  return { rows };
}
