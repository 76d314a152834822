/**
 * `msoko analyze <forms…|папка> [--json out.json] [--set ключ=значение …] [--all-years]`: reads
 * filled school forms (.xlsx), runs the analysis of methodology §3–§6 (objectivity signs, risk,
 * clusters, stability) and prints per school the signs, the risk and the stability with their
 * reasons in Russian. --set overrides a parameter of the methodology profile (as the workbook's
 * settings sheet would). Exit codes: 0 — analysed; 1 — analysed, but some forms could not be read
 * (listed); 2 — wrong arguments, bad --set, or no readable form.
 *
 * JSON (--json out.json): { municipality, profileVersion, years, latestYear,
 *   schools: [ { login, name, type, location, cluster: { label, merged, size },
 *     years: [ { year, signs: [ { rule, procedure, grade, subject, n, numbers, threshold, reference,
 *                 tags, direction, note, text } ]  (fired signs only), evaluatedSigns,
 *               risk: { score, level, shnor, shnsu, unreliable, text,
 *                       factors: [ { id, hasData, fired, numbers, text } ] } } ],
 *     stability: { status, years, missingYears, text }, stableAbsence: { stable, years, text },
 *     minThreshold: [ { procedure, subject, year, n, below, share, delta } ] } ],
 *   clusters: [ { id, label, merged, schools, byYear } ], unreadable: [ { file, message } ] }
 */
import { readdir, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { analyzeMunicipality, explainFactor, explainRisk, explainSign, explainStability, explainStableAbsence, type MunicipalAnalysis } from "../../core/analysis";
import type { SchoolReport } from "../../core/model";
import { applyOverrides, DEFAULT_PROFILE, type OverrideEntry } from "../../core/profile";
import { countRu } from "../../core/values";
import { parseForm } from "../../form/parse";
import type { Io } from "../io";
import { readXlsxFile } from "../xlsx";

export const summary = "анализ форм ОО: признаки необъективности, риск (ШНОР/ШНСУ), стабильность; --json — в файл";
export const usage = "analyze ФОРМЫ.xlsx… | ПАПКА [--json out.json] [--set ключ=значение] [--all-years]";

interface Args {
  inputs: string[];
  json?: string;
  sets: OverrideEntry[];
  allYears: boolean;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { inputs: [], sets: [], allYears: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--all-years") out.allYears = true;
    else if (a === "--json" || a.startsWith("--json=")) {
      const v = a.includes("=") ? a.slice(7) : args[++i];
      if (!v) return "после «--json» нужно имя файла";
      out.json = v;
    } else if (a === "--set" || a.startsWith("--set=")) {
      const v = a.includes("=") && a.startsWith("--set=") ? a.slice(6) : args[++i];
      const eq = v ? v.indexOf("=") : -1;
      if (!v || eq <= 0) return `--set ожидает «ключ=значение», например --set o1.gap2Share=15, а указано «${v ?? ""}»`;
      out.sets.push({ key: v.slice(0, eq), value: v.slice(eq + 1), ref: { sheet: "--set", cell: "" } });
    } else if (a.startsWith("--")) return `неизвестный параметр «${a}»`;
    else out.inputs.push(a);
  }
  if (out.inputs.length === 0) return "укажите формы ОО (.xlsx) или папку с ними";
  return out;
}

async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of inputs) {
    const s = await stat(p).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$")).sort();
      files.push(...names.map((n) => join(p, n)));
    } else files.push(p);
  }
  return files;
}

function jsonOf(a: MunicipalAnalysis, unreadable: { file: string; message: string }[]) {
  return {
    municipality: a.municipality,
    profileVersion: a.profileVersion,
    years: a.years,
    latestYear: a.latestYear,
    schools: a.schools.map((s) => ({
      login: s.login,
      name: s.name,
      type: s.type,
      location: s.location,
      cluster: { label: s.cluster.label, merged: s.cluster.merged, size: s.cluster.size },
      years: s.years.map((y) => ({
        year: y.year,
        signs: y.signs.filter((g) => g.fired).map((g) => ({
          rule: g.rule, procedure: g.procedure, grade: g.grade, subject: g.subject, n: g.n, numbers: g.numbers,
          threshold: g.threshold, reference: g.reference, tags: g.tags, direction: g.direction, note: g.note, text: explainSign(g),
        })),
        evaluatedSigns: y.signs.filter((g) => g.evaluated).length,
        risk: {
          score: y.risk.score, level: y.risk.level, shnor: y.risk.shnor, shnsu: y.risk.shnsu, unreliable: y.risk.unreliable, text: explainRisk(y.risk),
          factors: y.risk.factors.map((f) => ({ id: f.id, hasData: f.hasData, fired: f.fired, numbers: f.numbers, text: explainFactor(f, y.year) })),
        },
      })),
      stability: s.stability && { status: s.stability.status, years: s.stability.years, missingYears: s.stability.missingYears, text: explainStability(s.stability, s.cluster) },
      stableAbsence: s.stableAbsence && { stable: s.stableAbsence.stable, years: s.stableAbsence.years, text: explainStableAbsence(s.stableAbsence) },
      minThreshold: s.minThreshold,
    })),
    clusters: a.clusters,
    unreadable,
  };
}

function printSchool(a: MunicipalAnalysis, i: number, allYears: boolean, io: Io): void {
  const s = a.schools[i];
  io.out(`\n${s.login} — ${s.name} (${s.type}, ${s.location}); кластер «${s.cluster.label}», ${countRu(s.cluster.size, ["школа", "школы", "школ"])}`);
  const years = allYears ? s.years : s.years.slice(-1);
  for (const y of years) {
    const fired = y.signs.filter((g) => g.fired);
    io.out(`  ${y.year}: ${fired.length ? `признаки необъективности (требуют анализа): ${y.firedSigns.join(", ")}` : `признаков необъективности нет (оценено: ${y.signs.filter((g) => g.evaluated).length})`}`);
    for (const g of fired) io.out(`    • ${explainSign(g)}`);
    io.out(`    ${explainRisk(y.risk)}`);
    for (const f of y.risk.factors.filter((x) => x.fired)) io.out(`    • ${explainFactor(f, y.year)}`);
  }
  if (s.stability) io.out(`  ${explainStability(s.stability, s.cluster)}`);
  if (s.stableAbsence) io.out(`  ${explainStableAbsence(s.stableAbsence)}`);
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.err(`${parsed}.\nИспользование: msoko ${usage}`);
    return 2;
  }
  const { profile, errors } = applyOverrides(parsed.sets, DEFAULT_PROFILE);
  if (errors.length) {
    for (const e of errors) io.err(e.message);
    return 2;
  }
  const files = await expand(parsed.inputs);
  const reports: SchoolReport[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const file of files) {
    try {
      const sheets = await readXlsxFile(file, { formulas: false });
      const { report, findings } = parseForm(sheets, { file: basename(file) });
      if (report) reports.push(report);
      else {
        const first = findings.find((f) => f.severity === "error");
        unreadable.push({ file: basename(file), message: first ? `лист «${first.sheet}»${first.cell ? `, ячейка ${first.cell}` : ""}: ${first.message}` : "не удалось определить ОО по паспорту" });
      }
    } catch (e) {
      unreadable.push({ file: basename(file), message: e instanceof Error ? e.message : String(e) });
    }
  }
  for (const u of unreadable) io.err(`Файл «${u.file}» не прочитан: ${u.message}`);
  if (reports.length === 0) {
    io.err(files.length ? "Нет ни одной прочитанной формы ОО: анализировать нечего." : "Не найдено ни одного файла .xlsx.");
    return 2;
  }
  const name = reports.find((r) => r.passport.municipality)?.passport.municipality ?? "муниципалитет";
  const analysis = analyzeMunicipality({ name, schools: reports, references: [], fiokoMarkers: [], riskProfiles: [], municipalCycle: [] }, profile);
  io.out(`Анализ: ${name}, ${countRu(reports.length, ["ОО", "ОО", "ОО"])}, годы ${analysis.years.join(", ")}; методика ${analysis.profileVersion}.`);
  io.out("Признак — не вывод: каждый требует анализа.");
  analysis.schools.forEach((_, i) => printSchool(analysis, i, parsed.allYears, io));
  if (parsed.json) {
    await writeFile(parsed.json, JSON.stringify(jsonOf(analysis, unreadable), null, 2), "utf8");
    io.out(`\nJSON записан: ${parsed.json}`);
  }
  return unreadable.length ? 1 : 0;
}
