/**
 * `msoko analyze <forms…|папка> [--json out.json] [--set ключ=значение …] [--all-years]`: reads
 * filled school forms (.xlsx) — and, among the same inputs, ФИС ОКО exports (their municipality
 * and region rows become the reference), FIOKO marker lists (sign F) and FIOKO risk-profile lists
 * (R5), told apart by src/cli/inputs.ts — runs the analysis of methodology §3–§6 (objectivity signs, risk,
 * clusters, stability) and prints per school the signs, the risk and the stability with their
 * reasons in Russian. --set overrides a parameter of the methodology profile (as the workbook's
 * settings sheet would). Exit codes: 0 — analysed; 1 — analysed, but some forms could not be read
 * (listed) or an imported file has errors; 2 — wrong arguments, bad --set, or no readable form.
 *
 * JSON (--json out.json): { municipality, profileVersion, years, latestYear,
 *   schools: [ { login, name, type, location, cluster: { label, merged, size },
 *     years: [ { year, signs: [ { rule, procedure, grade, subject, n, numbers, threshold, reference,
 *                 tags, direction, note, text } ]  (fired signs only), evaluatedSigns,
 *               risk: { score, level, shnor, shnsu, unreliable, text,
 *                       factors: [ { id, hasData, fired, numbers, text } ] } } ],
 *     stability: { status, years, missingYears, text }, stableAbsence: { stable, years, text },
 *     minThreshold: [ { procedure, subject, year, n, below, share, delta } ] } ],
 *   clusters: [ { id, label, merged, schools, byYear } ], unreadable: [ { file, message } ],
 *   imported: { exports, fiokoFiles, fiokoMarkers, riskProfiles, findings: [ { file, sheet, cell, severity, message } ] } }
 */
import { writeFile } from "node:fs/promises";
import { analyzeMunicipality, attachFiokoData, explainFactor, explainRisk, explainSign, explainStability, explainStableAbsence, type MunicipalAnalysis } from "../../core/analysis";
import type { Finding, Municipality } from "../../core/model";
import { applyOverrides, DEFAULT_PROFILE, type OverrideEntry } from "../../core/profile";
import { consolidate } from "../../summary/model/consolidate";
import { countRu } from "../../core/values";
import { importFisoko, mergeIntoMunicipality } from "../../fisoko";
import { expandInputs, loadInputs, type Inputs } from "../inputs";
import type { Io } from "../io";

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

interface Imported {
  exports: string[];
  fiokoFiles: string[];
  fiokoMarkers: number;
  riskProfiles: number;
  findings: Finding[];
}

function jsonOf(a: MunicipalAnalysis, unreadable: { file: string; message: string }[], imported: Imported) {
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
    imported: {
      ...imported,
      findings: imported.findings.map((f) => ({ file: f.file ?? "", sheet: f.sheet, cell: f.cell, severity: f.severity, message: f.message })),
    },
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
  let files: string[];
  try {
    files = await expandInputs(parsed.inputs);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const inputs = await loadInputs(files);
  const unreadable = inputs.forms.filter((f) => !f.report).map((f) => {
    const first = f.findings.find((x) => x.severity === "error");
    return { file: f.file, message: first ? (first.sheet ? `лист «${first.sheet}»${first.cell ? `, ячейка ${first.cell}` : ""}: ${first.message}` : first.message) : "не удалось определить ОО по паспорту" };
  });
  for (const u of unreadable) io.err(`Файл «${u.file}» не прочитан: ${u.message}`);
  const schools = consolidate(inputs.forms).schools;
  if (schools.length === 0) {
    io.err(files.length ? "Нет ни одной прочитанной формы ОО: анализировать нечего." : "Не найдено ни одного файла .xlsx.");
    return 2;
  }
  const { municipality, findings } = withImports(schools, inputs);
  for (const f of findings.filter((x) => x.severity !== "info")) io.err(f.file && !f.message.includes(f.file) ? `Файл «${f.file}»: ${f.message}` : f.message);
  const name = municipality.name;
  const reports = municipality.schools;
  const analysis = analyzeMunicipality(municipality, profile);
  io.out(`Анализ: ${name}, ${countRu(reports.length, ["ОО", "ОО", "ОО"])}, годы ${analysis.years.join(", ")}; методика ${analysis.profileVersion}.`);
  const imported: Imported = {
    exports: inputs.exports.map((x) => x.name),
    fiokoFiles: inputs.fiokoFiles,
    fiokoMarkers: municipality.fiokoMarkers.length,
    riskProfiles: municipality.riskProfiles.length,
    findings,
  };
  if (imported.exports.length) io.out(`Выгрузки ФИС ОКО: ${imported.exports.join(", ")} (эталон для O1–O3: ${countRu(municipality.references.length, ["строка", "строки", "строк"])} муниципалитета и региона).`);
  if (imported.fiokoFiles.length) io.out(`Данные ФИОКО: ${imported.fiokoFiles.join(", ")} — ${countRu(imported.fiokoMarkers, ["маркер", "маркера", "маркеров"])}, ${countRu(imported.riskProfiles, ["рисковый профиль", "рисковых профиля", "рисковых профилей"])}.`);
  io.out("Признак — не вывод: каждый требует анализа.");
  analysis.schools.forEach((_, i) => printSchool(analysis, i, parsed.allYears, io));
  if (parsed.json) {
    await writeFile(parsed.json, JSON.stringify(jsonOf(analysis, unreadable, imported), null, 2), "utf8");
    io.out(`\nJSON записан: ${parsed.json}`);
  }
  return unreadable.length || findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The municipality of the forms with the ФИС ОКО exports and FIOKO lists among the inputs. */
function withImports(schools: Municipality["schools"], inputs: Inputs): { municipality: Municipality; findings: Finding[] } {
  const findings: Finding[] = [...inputs.fiokoFindings];
  let municipality: Municipality = {
    name: schools.find((r) => r.passport.municipality)?.passport.municipality ?? "муниципалитет",
    schools, references: [], fiokoMarkers: [], riskProfiles: [], municipalCycle: [],
  };
  if (inputs.exports.length) {
    const imported = importFisoko(inputs.exports);
    findings.push(...imported.findings);
    const merged = mergeIntoMunicipality(municipality, imported);
    findings.push(...merged.findings);
    municipality = merged.municipality;
  }
  const attached = attachFiokoData(municipality, inputs.fiokoMarkers, inputs.riskProfiles);
  findings.push(...attached.findings);
  return { municipality: attached.municipality, findings };
}
