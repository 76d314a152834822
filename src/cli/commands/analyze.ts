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
 * Regional protocols (raw results of whole procedures, src/fisoko/raw) are inputs too: their
 * schools join the forms' (matched by the login's digits, sch ↔ edu), marks come from the
 * profile's scale (--set 'scale|ВПР|2021|4|Математика=20;6;10;15' when the profile has none), and
 * the schools are analysed per municipality of the protocol (reference = the municipality's
 * pooled participants) or, with --level region, as one region. --test names the test of a
 * protocol whose title and file name do not.
 *
 * JSON (--json out.json): { municipality, municipalities, profileVersion, years, latestYear,
 *   schools: [ { login, name, municipality, type, location, cluster: { label, merged, size },
 *     years: [ { year, signs: [ { rule, procedure, grade, subject, n, numbers, threshold, reference,
 *                 tags, direction, note, text } ]  (fired signs only), evaluatedSigns,
 *               risk: { score, level, shnor, shnsu, unreliable, text,
 *                       factors: [ { id, hasData, fired, numbers, text } ] } } ],
 *     stability: { status, years, missingYears, text }, stableAbsence: { stable, years, text },
 *     minThreshold: [ { procedure, subject, year, n, below, share, delta } ] } ],
 *   clusters: [ { id, label, merged, schools, byYear, municipality } ], unreadable: [ { file, message } ],
 *   imported: { exports, raw, fiokoFiles, fiokoMarkers, riskProfiles, findings: [ { file, sheet, cell, severity, message } ] } }
 */
import { closeSync, openSync, writeFileSync, writevSync } from "node:fs";
import {
  analyzeMunicipality,
  attachFiokoData,
  explainFactor,
  explainRisk,
  explainSign,
  explainStability,
  explainStableAbsence,
  type MunicipalAnalysis,
  type SchoolAnalysis,
} from "../../core/analysis";
import type { SignResult, StableAbsence } from "../../core/objectivity";
import type { RiskFactorResult, RiskResult } from "../../core/risk";
import { findingPlace, type Finding, type Municipality } from "../../core/model";
import { applyOverrides, DEFAULT_PROFILE, type OverrideEntry, type Profile } from "../../core/profile";
import { consolidate } from "../../summary/model/consolidate";
import { countRu } from "../../core/values";
import {
  describeGroups,
  groupRawSchools,
  RawImporter,
  importFisoko,
  mergeIntoMunicipality,
  testOfText,
  withRawSchools,
  type RawLevel,
  type RawTest,
} from "../../fisoko";
import { COMMAND_INFO } from "../command-table";
import { aboutFile } from "../fs-errors";
import { expandInputs, loadInputs, type Inputs } from "../inputs";
import { bookLimits } from "../../xlsx/read/budget";
import type { Io } from "../io";
import { collectGarbage } from "../memory";
import { checkOutputs } from "../outputs";
import { parseSetArg } from "../set-arg";

export const { summary, usage } = COMMAND_INFO.analyze;

interface Args {
  inputs: string[];
  json?: string;
  sets: OverrideEntry[];
  allYears: boolean;
  /** Replace an existing --json file. */
  force: boolean;
  /** Regional protocols: one analysis per municipality (default) or one for the region. */
  level: RawLevel;
  /** The test of protocols whose title and file name do not say it. */
  test?: Partial<RawTest>;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { inputs: [], sets: [], allYears: false, force: false, level: "municipality" };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--all-years") out.allYears = true;
    else if (a === "--force") out.force = true;
    else if (a === "--json" || a.startsWith("--json=")) {
      const v = a.includes("=") ? a.slice(7) : args[++i];
      if (!v) return "после «--json» нужно имя файла";
      out.json = v;
    } else if (a === "--set" || a.startsWith("--set=")) {
      const set = parseSetArg(a.startsWith("--set=") ? a.slice(6) : args[++i], "o1.gap2Share=15");
      if (typeof set === "string") return set;
      out.sets.push({ ...set, ref: { sheet: "--set", cell: "" } });
    } else if (a === "--level" || a.startsWith("--level=")) {
      const v = a.includes("=") ? a.slice(8) : args[++i];
      if (v !== "municipality" && v !== "region")
        return `--level ожидает «municipality» (по муниципалитетам) или «region» (весь регион), а указано «${v ?? ""}»`;
      out.level = v;
    } else if (a === "--test" || a.startsWith("--test=")) {
      const v = a.includes("=") ? a.slice(7) : args[++i];
      const t = testOfText(v ?? "");
      if (t.year === undefined || t.grade === undefined || t.subject === undefined)
        return `--test ожидает работу вида «ВПР 2021 Математика 4 класс», а указано «${v ?? ""}»`;
      out.test = t;
    } else if (a.startsWith("--")) return `неизвестный параметр «${a}»`;
    else out.inputs.push(a);
  }
  if (out.inputs.length === 0) return "укажите формы ОО (.xlsx) или папку с ними";
  return out;
}

interface Imported {
  exports: string[];
  /** Regional protocols read. */
  raw: string[];
  fiokoFiles: string[];
  fiokoMarkers: number;
  riskProfiles: number;
  findings: Finding[];
}

/**
 * Each explanation is built once: the console and the JSON print the same sentences of a region's
 * schools (a result object → its sentence; the objects are not shared between results).
 */
class Sentences {
  private readonly made = new Map<object, string>();
  private once<T extends object>(x: T, make: (x: T) => string): string {
    let text = this.made.get(x);
    if (text === undefined) this.made.set(x, (text = make(x)));
    return text;
  }
  sign(g: SignResult): string {
    return this.once(g, explainSign);
  }
  risk(r: RiskResult): string {
    return this.once(r, explainRisk);
  }
  factor(f: RiskFactorResult, year: number): string {
    return this.once(f, (x) => explainFactor(x, year));
  }
  stability(s: SchoolAnalysis): string {
    return this.once(s.stability!, (x) => explainStability(x, s.cluster));
  }
  stableAbsence(a: StableAbsence): string {
    return this.once(a, explainStableAbsence);
  }
}

/** One school as the JSON has it (its sentences are those the console printed). */
function schoolJson(municipality: string, s: SchoolAnalysis, say: Sentences) {
  return {
    login: s.login,
    name: s.name,
    municipality,
    type: s.type,
    location: s.location,
    cluster: { label: s.cluster.label, merged: s.cluster.merged, size: s.cluster.size },
    years: s.years.map((y) => ({
      year: y.year,
      signs: y.signs
        .filter((g) => g.fired)
        .map((g) => ({
          rule: g.rule,
          procedure: g.procedure,
          grade: g.grade,
          subject: g.subject,
          n: g.n,
          numbers: g.numbers,
          threshold: g.threshold,
          reference: g.reference,
          tags: g.tags,
          direction: g.direction,
          note: g.note,
          text: say.sign(g),
        })),
      evaluatedSigns: y.signs.filter((g) => g.evaluated).length,
      risk: {
        score: y.risk.score,
        level: y.risk.level,
        shnor: y.risk.shnor,
        shnsu: y.risk.shnsu,
        unreliable: y.risk.unreliable,
        text: say.risk(y.risk),
        factors: y.risk.factors.map((f) => ({
          id: f.id,
          hasData: f.hasData,
          fired: f.fired,
          numbers: f.numbers,
          text: say.factor(f, y.year),
        })),
      },
    })),
    stability: s.stability && {
      status: s.stability.status,
      years: s.stability.years,
      missingYears: s.stability.missingYears,
      text: say.stability(s),
    },
    stableAbsence: s.stableAbsence && {
      stable: s.stableAbsence.stable,
      years: s.stableAbsence.years,
      text: say.stableAbsence(s.stableAbsence),
    },
    minThreshold: s.minThreshold,
  };
}

/** Bytes of a piece of JsonSchools: a region's schools take two. */
const PIECE = 1 << 20;

/**
 * The elements of the JSON's "schools" array, encoded into UTF-8 as each school is analysed —
 * straight into large buffers, not a buffer per school. Each school is one line: compact JSON
 * after the indentation of its place. The rest of the file is indented as usual; with its schools
 * indented a region's file was 2,8 MB instead of 1,8 MB and took twice the time to make (issue
 * 23), and a line per school also suits grep and diff.
 */
class JsonSchools {
  count = 0;
  private readonly done: Buffer[] = [];
  private piece = Buffer.alloc(0);
  private used = 0;

  add(municipality: string, s: SchoolAnalysis, say: Sentences): void {
    this.write(this.count++ > 0 ? ",\n    " : "    ");
    this.write(JSON.stringify(schoolJson(municipality, s, say)));
  }

  private write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.piece.length - this.used < text.length * 3) {
      if (this.used > 0) this.done.push(this.piece.subarray(0, this.used));
      this.piece = Buffer.allocUnsafe(Math.max(PIECE, text.length * 3));
      this.used = 0;
    }
    this.used += this.piece.write(text, this.used, "utf8");
  }

  /** The elements separated by commas, as buffers to write one after another. */
  pieces(): Buffer[] {
    return this.used > 0 ? [...this.done, this.piece.subarray(0, this.used)] : this.done;
  }
}

/** What is left of a municipality's analysis once its schools are printed and serialized. */
interface Analysed extends Pick<MunicipalAnalysis, "municipality" | "profileVersion" | "years" | "clusters"> {
  /** Its console lines (printed after the run's header, which needs every analysis). */
  lines: string[];
}

/**
 * Analyses a municipality and prints and serializes each school as soon as it is analysed, so its
 * results die young: a region's 625 schools of results (≈ 4,5 MB) were otherwise all alive until
 * the JSON was written and copied into V8's old generation (docs/bench.md, the sixth round).
 */
function analyzeAndFinish(
  m: Municipality,
  profile: Profile,
  heading: boolean,
  allYears: boolean,
  json: JsonSchools | null,
): Analysed {
  const lines: string[] = [];
  const out = { out: (line: string) => void lines.push(line), err: () => undefined };
  if (heading) lines.push(`\n== ${m.name}: ${countRu(m.schools.length, ["ОО", "ОО", "ОО"])} ==`);
  const { municipality, profileVersion, years, clusters } = analyzeMunicipality(m, profile, {
    onSchool: (s) => {
      // A school's results are its own: its sentences are kept for the school alone (Sentences).
      const say = new Sentences();
      printSchool(s, allYears, out, say);
      if (json) json.add(m.name, s, say);
    },
  });
  return { municipality, profileVersion, years, clusters, lines };
}

/** The JSON file: the header and tail of the whole object around the schools (JsonSchools), written in pieces. */
function writeJson(
  path: string,
  all: Analysed[],
  name: string,
  unreadable: { file: string; message: string }[],
  imported: Imported,
  schools: JsonSchools,
): void {
  const years = [...new Set(all.flatMap((a) => a.years))].sort((x, y) => x - y);
  const whole = {
    municipality: name,
    municipalities: all.map((a) => a.municipality),
    profileVersion: all[0].profileVersion,
    years,
    latestYear: years.length ? years[years.length - 1] : null,
    // A placeholder element where the chunks go (an empty array would print as «[]»).
    schools: schools.count ? [0] : [],
    clusters: all.flatMap((a) => a.clusters.map((c) => ({ ...c, municipality: a.municipality }))),
    unreadable,
    imported: {
      ...imported,
      findings: imported.findings.map((f) => ({
        file: f.file ?? "",
        sheet: f.sheet,
        cell: f.cell,
        severity: f.severity,
        message: f.message,
      })),
    },
  };
  const text = JSON.stringify(whole, null, 2);
  // Only the top level is indented by two spaces, and strings hold no raw line breaks: the place is unique.
  const slot = '\n  "schools": [\n    0\n  ]';
  const at = schools.count ? text.indexOf(slot) : -1;
  if (at < 0) {
    writeFileSync(path, text, "utf8");
    return;
  }
  // The schools' lines start with their own indentation: the text resumes after «    0».
  const head = at + '\n  "schools": [\n'.length;
  const parts = [
    Buffer.from(text.slice(0, head), "utf8"),
    ...schools.pieces(),
    Buffer.from(text.slice(head + "    0".length), "utf8"),
  ];
  const fd = openSync(path, "w");
  try {
    // One system call for the pieces (libuv splits them by IOV_MAX).
    writevSync(fd, parts);
  } finally {
    closeSync(fd);
  }
}

function printSchool(s: SchoolAnalysis, allYears: boolean, io: Io, say: Sentences): void {
  io.out(
    `\n${s.login} — ${s.name} (${s.type}, ${s.location}); кластер «${s.cluster.label}», ${countRu(s.cluster.size, ["школа", "школы", "школ"])}`,
  );
  const years = allYears ? s.years : s.years.slice(-1);
  for (const y of years) {
    const fired = y.signs.filter((g) => g.fired);
    io.out(
      `  ${y.year}: ${fired.length ? `признаки необъективности (требуют анализа): ${y.firedSigns.join(", ")}` : `признаков необъективности нет (оценено: ${y.signs.filter((g) => g.evaluated).length})`}`,
    );
    for (const g of fired) io.out(`    • ${say.sign(g)}`);
    io.out(`    ${say.risk(y.risk)}`);
    for (const f of y.risk.factors) if (f.fired) io.out(`    • ${say.factor(f, y.year)}`);
  }
  if (s.stability) io.out(`  ${say.stability(s)}`);
  if (s.stableAbsence) io.out(`  ${say.stableAbsence(s.stableAbsence)}`);
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
  if (parsed.json) {
    // Checked before any form is read: never an input or a school form, an existing file only with --force.
    const checked = await checkOutputs(
      [{ path: parsed.json, flag: "--json", example: "анализ.json" }],
      { named: parsed.inputs, files },
      parsed.force,
    );
    if (!checked.ok) {
      io.err(checked.message);
      return 2;
    }
  }
  // Each protocol is imported as soon as it is read and its grid let go: a region's spring (30 grids
  // of 25 000 rows) is never in memory at once (issue 23, bench/cases/spring.mjs). V8 leaves the
  // grids' garbage for later: a full collection once the heap passes the bound keeps the peak near
  // the live data (30 protocols: peak RSS 840 → 690 MB with both).
  const importer = new RawImporter(profile, { test: parsed.test });
  const inputs = await loadInputs(files, undefined, bookLimits(profile), profile.values["limits.textLength"], {
    // Rows straight from the sheet's XML into the importer, no grid (src/cli/inputs.ts); onRaw for the rest.
    rawStream: { importer, read: () => collectGarbage() },
    onRaw: (file) => {
      importer.add(file);
      collectGarbage();
    },
  });
  const unreadable = inputs.forms
    .filter((f) => !f.report)
    .map((f) => {
      const first = f.findings.find((x) => x.severity === "error");
      return {
        file: f.file,
        message: first
          ? first.sheet
            ? `${findingPlace(first)}: ${first.message}`
            : first.message
          : "не удалось определить ОО по паспорту",
      };
    });
  for (const u of unreadable) io.err(aboutFile(u.file, u.message));
  const formSchools = consolidate(inputs.forms).schools;
  const raw = inputs.raw.length ? importer.finish() : null;
  const rawFindings: Finding[] = raw ? [...raw.findings] : [];
  let groups: Municipality["schools"][] = [formSchools];
  let groupNames: (string | undefined)[] = [undefined];
  if (raw) {
    for (const f of rawFindings) tell(io, f);
    if (raw.ok) {
      const merged = withRawSchools(formSchools, raw);
      rawFindings.push(...merged.findings);
      for (const f of merged.findings) tell(io, f);
      const municipalities = groupRawSchools(merged, parsed.level);
      groups = municipalities.map((m) => m.schools);
      groupNames = municipalities.map((m) => m.name);
      io.out(
        `Протоколы результатов: ${inputs.raw.map((x) => x.name).join(", ")} — ${describeGroups(municipalities)}${parsed.level === "region" ? " (один анализ по региону)" : ""}.`,
      );
    } else io.err("Протоколы результатов содержат ошибки: из них ничего не импортировано, файлы не изменены.");
  }
  if (groups.every((g) => g.length === 0)) {
    if (raw && !raw.ok) return 1;
    io.err(
      files.length ? "Нет ни одной прочитанной формы ОО: анализировать нечего." : "Не найдено ни одного файла .xlsx.",
    );
    return 2;
  }
  collectGarbage();
  // Each school is printed and serialized as soon as it is analysed; of an analysis only its
  // summary is kept (analyzeAndFinish).
  const analyses: Analysed[] = [];
  const jsonSchools = parsed.json ? new JsonSchools() : null;
  const several = groups.filter((g) => g.length > 0).length > 1;
  const findings: Finding[] = [...rawFindings];
  let references = 0;
  let fiokoMarkers = 0;
  let riskProfiles = 0;
  let total = 0;
  for (const [i, schools] of groups.entries()) {
    if (schools.length === 0) continue;
    const { municipality, findings: own } = withImports(schools, inputs, groupNames[i]);
    // The exports and FIOKO lists are the same for every group: their findings are told once.
    if (analyses.length === 0) {
      for (const f of own.filter((x) => x.severity !== "info"))
        io.err(f.file && !f.message.includes(f.file) ? `Файл «${f.file}»: ${f.message}` : f.message);
      findings.push(...own);
      fiokoMarkers = municipality.fiokoMarkers.length;
      riskProfiles = municipality.riskProfiles.length;
    }
    references = Math.max(references, municipality.references.length);
    total += municipality.schools.length;
    analyses.push(analyzeAndFinish(municipality, profile, several, parsed.allYears, jsonSchools));
  }
  const years = [...new Set(analyses.flatMap((a) => a.years))].sort((x, y) => x - y);
  const name =
    analyses.length === 1
      ? analyses[0].municipality
      : raw?.schools.find((x) => x.region)?.region ||
        `${countRu(analyses.length, ["муниципалитет", "муниципалитета", "муниципалитетов"])}`;
  io.out(
    `Анализ: ${name}, ${countRu(total, ["ОО", "ОО", "ОО"])}${analyses.length > 1 ? ` в ${countRu(analyses.length, ["муниципалитете", "муниципалитетах", "муниципалитетах"])}` : ""}, годы ${years.join(", ")}; методика ${analyses[0].profileVersion}.`,
  );
  const imported: Imported = {
    exports: inputs.exports.map((x) => x.name),
    raw: inputs.raw.map((x) => x.name),
    fiokoFiles: inputs.fiokoFiles,
    fiokoMarkers,
    riskProfiles,
    findings,
  };
  if (imported.exports.length)
    io.out(
      `Выгрузки ФИС ОКО: ${imported.exports.join(", ")} (эталон для O1–O3: ${countRu(references, ["строка", "строки", "строк"])} муниципалитета и региона).`,
    );
  if (imported.fiokoFiles.length)
    io.out(
      `Данные ФИОКО: ${imported.fiokoFiles.join(", ")} — ${countRu(imported.fiokoMarkers, ["маркер", "маркера", "маркеров"])}, ${countRu(imported.riskProfiles, ["рисковый профиль", "рисковых профиля", "рисковых профилей"])}.`,
    );
  io.out("Признак — не вывод: каждый требует анализа.");
  for (const a of analyses) a.lines.forEach((line) => io.out(line));
  if (parsed.json) {
    // Synchronous writes of the finished text: the asynchronous writeFile sends a region's 2,7 MB
    // through the thread pool in 512 KB pieces, ≈ 2 ms more CPU, and nothing else waits for it here.
    writeJson(parsed.json, analyses, name, unreadable, imported, jsonSchools!);
    io.out(`\nJSON записан: ${parsed.json}`);
  }
  return unreadable.length || findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** A finding of the protocols' import: notes to stdout as «Сведения:», warnings and errors to stderr. */
function tell(io: Io, f: Finding): void {
  if (f.severity === "info") io.out(`Сведения: ${f.message}`);
  else io.err(f.message);
}

/** The municipality of the forms with the ФИС ОКО exports and FIOKO lists among the inputs. */
function withImports(
  schools: Municipality["schools"],
  inputs: Inputs,
  name?: string,
): { municipality: Municipality; findings: Finding[] } {
  const findings: Finding[] = [...inputs.fiokoFindings];
  let municipality: Municipality = {
    name: name ?? schools.find((r) => r.passport.municipality)?.passport.municipality ?? "муниципалитет",
    schools,
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
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
