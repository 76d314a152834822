/**
 * `msoko school-report ФОРМА.xlsx [ВЫГРУЗКИ_ФИС_ОКО.xlsx…] --out АНАЛИЗ.xlsx [--year ГГГГ] [--procedure ВПР]
 * [--grade N]… [--subject ПРЕДМЕТ]…`: the school's analytical report (ВСОКО) without Excel — the
 * «Анализ ОО — …» sheets and «Выводы и решения» from the filled school form. ФИС ОКО exports given
 * next to the form become the municipality's and region's references. When --out exists, only
 * the sheets an earlier run generated are replaced (the user's sheets stay), and its settings
 * sheet's methodology overrides are used (--set overrides on top of them, e.g. the names of the
 * user's own regulations: --set "basis.vsoko=Положение о ВСОКО …"). The FIRST form is the school
 * analysed; forms of other schools after it (or a folder) make its municipality: their participants
 * are the pooled reference of the signs (O1, O2 need one) and the report gains the school's risk,
 * ШНОР/ШНСУ, cluster and stability. --out is checked before anything is read: never the form or
 * an export itself (links included), never another school's form; an existing file that is not a
 * report built earlier only with --force.
 * Exit codes: 0 — built; 1 — built, but the form has errors (listed; the numbers may be
 * incomplete); 2 — wrong call, unreadable form, or no results of the procedure and year.
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { applyOverrides, type OverrideEntry } from "../../core/profile";
import { expandInputs } from "../inputs";
import type { Municipality, Procedure, ReferenceResult } from "../../core/model";
import { findingPlace, PROCEDURES } from "../../core/model";
import { reportChoices, schoolReport } from "../../school/model/report";
import { countRu } from "../../core/values";
import { importFisoko, looksLikeFisokoExport, mergeIntoMunicipality, type FisokoFile } from "../../fisoko";
import { looksLikeMunicipalCycle } from "../../form/municipal-cycle";
import { parseForm } from "../../form/parse";
import { loadProfile, readSettings, reportDate } from "../../host/settings";
import { writeSchoolReport } from "../../school/write";
import { schoolReportDoc } from "../../school/model/report-doc";
import { reportDocx } from "../report/docx";
import { writeFile } from "node:fs/promises";
import { COMMAND_INFO } from "../command-table";
import { readInputXlsx } from "../files";
import { bookLimits, type BookLimits } from "../../xlsx/read/budget";
import { aboutFile, errorText } from "../fs-errors";
import type { Io } from "../io";
import { checkOutputs } from "../outputs";
import { loadForRebuild, XlsxWorkbook } from "../../xlsx/exceljs";
import { parseSetArg } from "../set-arg";

export const { summary, usage } = COMMAND_INFO["school-report"];

interface Args {
  inputs: string[];
  out: string;
  year?: number;
  procedure?: Procedure;
  grades: number[];
  subjects: string[];
  force: boolean;
  sets: OverrideEntry[];
  /** --docx: the same report as a Word document too. */
  docx?: string;
}

export function parseArgs(args: readonly string[]): Args | string {
  const out: Args = { inputs: [], out: "", grades: [], subjects: [], force: false, sets: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i] ?? "";
    if (a === "--out") out.out = next();
    else if (a === "--docx") {
      out.docx = next();
      if (!/\.docx$/i.test(out.docx)) return `После --docx укажите файл .docx, а не «${out.docx}».`;
    } else if (a === "--force") out.force = true;
    else if (a === "--year") {
      const v = next();
      if (!/^\d{4}$/.test(v)) return `Год «${v}» указан неверно: ожидается четыре цифры, например --year 2026.`;
      out.year = Number(v);
    } else if (a === "--procedure") {
      const v = next();
      const p = PROCEDURES.find((x) => x.toLowerCase() === v.toLowerCase());
      if (!p) return `Процедура «${v}» неизвестна: ожидается одна из ${PROCEDURES.join(", ")}.`;
      out.procedure = p;
    } else if (a === "--grade") {
      const v = next();
      if (!/^\d{1,2}$/.test(v)) return `Класс «${v}» указан неверно: ожидается число от 1 до 11.`;
      out.grades.push(Number(v));
    } else if (a === "--subject") {
      const v = next();
      if (!v) return "После --subject укажите предмет.";
      out.subjects.push(v);
    } else if (a === "--set") {
      const set = parseSetArg(next(), `"basis.vsoko=Положение о ВСОКО МБОУ СОШ № 3"`);
      if (typeof set === "string") return set;
      out.sets.push(set);
    } else if (a.startsWith("--")) return `Неизвестный параметр ${a}.`;
    else out.inputs.push(a);
  }
  if (!out.inputs.length) return "Укажите файл формы ОО (.xlsx).";
  if (!out.out) return "Укажите файл отчёта: --out анализ.xlsx.";
  return out;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\nИспользование: msoko ${usage}`);
    return 2;
  }
  // Limits on the files read: `--set limits.…` (a bad value is reported with the other overrides below).
  const setProfile = applyOverrides(args.sets).profile;
  const limits = bookLimits(setProfile);
  type FormRead = { file: string; report: ReturnType<typeof parseForm>["report"]; errors: string[] };
  let form: FormRead | null = null;
  const others: FormRead[] = [];
  const exports: FisokoFile[] = [];
  let paths: string[];
  try {
    paths = await expandInputs(args.inputs);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  // Before any file is read: --out is none of the files (a folder's too), nor a school form.
  const checked = await checkOutputs(
    [
      { path: args.out, flag: "--out", rebuildable: true, example: "анализ.xlsx" },
      ...(args.docx ? [{ path: args.docx, flag: "--docx", example: "анализ.docx" }] : []),
    ],
    { named: args.inputs, files: paths },
    args.force,
  );
  if (!checked.ok) {
    io.err(checked.message);
    return 2;
  }
  // A report built earlier inside the forms' folder is rebuilt, not read as a form.
  paths = paths.filter((p) => !checked.skip.includes(p));
  // The school's own form may also sit in the folder of the municipality's forms: read it once.
  paths = paths.filter((p, i) => paths.findIndex((q) => resolve(q) === resolve(p)) === i);
  // An existing report book keeps its methodology overrides (settings sheet) and the user's sheets.
  // It is read first (with --set limits only) so that its «Ограничения» apply to the forms, as in `summarize`.
  const book = existsSync(args.out)
    ? await rebuildOrReplace(args.out, args.force, limits)
    : XlsxWorkbook.create(args.out);
  const loaded = await loadProfile(book);
  for (const e of loaded.errors) io.err(e.message);
  const { profile, errors } = applyOverrides(args.sets, loaded.profile);
  if (errors.length) {
    for (const e of errors) io.err(e.message);
    return 2;
  }
  const formLimits = bookLimits(profile);
  for (const path of paths) {
    const file = basename(path);
    let sheets;
    try {
      sheets = await readInputXlsx(path, { formulas: false, limits: formLimits });
    } catch (e) {
      io.err(aboutFile(file, errorText(e, path)));
      return 2;
    }
    if (looksLikeFisokoExport(sheets)) {
      exports.push({ name: file, sheets });
      continue;
    }
    // The МОУО's cycle book (`msoko demo` puts mouo-cycle.xlsx next to the forms) is not a school's form.
    if (form && looksLikeMunicipalCycle(sheets)) {
      io.err(`Книга «${file}» — цикл МОУО (лист «Цикл МОУО»): в отчёт ОО не входит, её читает свод.`);
      continue;
    }
    const { report, findings } = parseForm(sheets, { file, maxText: profile.values["limits.textLength"] });
    const read = {
      file,
      report,
      errors: findings.filter((f) => f.severity === "error").map((f) => `${file}, ${findingPlace(f)}: ${f.message}`),
    };
    if (form) others.push(read);
    else form = read;
  }
  if (!form) {
    io.err("Среди файлов нет формы ОО: укажите заполненную форму школы (.xlsx).");
    return 2;
  }
  if (!form.report) {
    io.err(
      `Форма «${form.file}» не распознана: ${form.errors.slice(0, 5).join("; ") || "нет листа «Паспорт ОО» или логина ОО"}.`,
    );
    return 2;
  }
  const report = form.report;

  const choices = reportChoices(report);
  const procedure =
    args.procedure ??
    (choices.some((c) => c.procedure === "ВПР") ? "ВПР" : (choices[0]?.procedure as Procedure | undefined));
  const ofProcedure = choices.filter((c) => c.procedure === procedure);
  const year = args.year ?? ofProcedure[0]?.year;
  if (!procedure || year === undefined || !ofProcedure.some((c) => c.year === year)) {
    const have = choices.map((c) => `${c.procedure} ${c.year}`).join(", ") || "нет результатов";
    io.err(
      `В форме «${form.file}» нет результатов ${procedure ?? "процедур"}${args.year ? ` ${args.year}` : ""} (листы «Участники», «Результаты»). В форме есть: ${have}.`,
    );
    return 2;
  }

  // Other schools' forms make the municipality (one entry per login; the analysed school's own form wins).
  const schools = [report];
  for (const o of others) {
    if (!o.report) {
      io.err(
        `Форма «${o.file}» не распознана и в муниципалитет не включена: ${o.errors.slice(0, 3).join("; ") || "нет листа «Паспорт ОО» или логина ОО"}.`,
      );
      continue;
    }
    if (schools.some((s) => s.passport.login === o.report!.passport.login)) {
      io.err(`Форма «${o.file}»: ОО ${o.report.passport.login} уже есть среди форм — файл пропущен.`);
      continue;
    }
    schools.push(o.report);
  }
  let municipality: Municipality = {
    name: report.passport.municipality ?? "Муниципалитет",
    schools,
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
  };
  if (exports.length) {
    const imported = importFisoko(exports);
    for (const f of imported.findings) io.err(`${f.severity === "error" ? "Ошибка" : "Замечание"}: ${f.message}`);
    const merged = mergeIntoMunicipality(municipality, imported);
    for (const f of merged.findings) io.err(f.message);
    municipality = merged.municipality;
  }
  const references: ReferenceResult[] = municipality.references;

  const pooled = schools.length > 1 ? municipality : undefined;
  // The cycle is evaluated on the report book's reporting date, as `msoko summarize` does (else 31 December).
  const cycleDate = reportDate(await readSettings(book));

  const built = schoolReport(report, {
    year,
    procedure,
    grades: args.grades,
    subjects: args.subjects,
    references,
    profile,
    municipalityPooled: pooled,
    ...(cycleDate ? { cycleEvaluationDate: cycleDate } : {}),
  });
  if (!built.tests.length) {
    io.err(
      `Нет результатов ${procedure} ${year} по выбранным классам и предметам (${[...args.grades.map((g) => `${g} класс`), ...args.subjects].join(", ")}).`,
    );
    return 2;
  }
  const written = await writeSchoolReport(book, built, { files: args.inputs.map((p) => basename(p)) });
  await book.save(args.out);
  if (args.docx) {
    const doc = schoolReportDoc(built, report.passport.shortName || report.passport.name, year);
    try {
      await writeFile(args.docx, await reportDocx(doc));
    } catch (e) {
      io.err(errorText(e, args.docx));
      return 1;
    }
    io.out(`Отчёт в формате Word: ${args.docx}.`);
  }
  // The exceljs port skips charts sheet by sheet (under temporary names); one line says it all.
  const chartNotices = written.notices.filter((n) => /диаграмм/i.test(n));
  for (const n of written.notices) if (!chartNotices.includes(n)) io.out(n);
  if (chartNotices.length)
    io.out("Часть диаграмм в файл не записана: они появятся, если построить анализ в Excel на панели «Анализ ОО».");
  io.out(
    `Анализ ${procedure} ${year} построен: ${args.out}. Работ: ${built.tests.length}; листов: ${built.sheets.length}; ` +
      `выводов для решений: ${built.findings.length}${references.length ? `; эталонов ФИС ОКО: ${references.length}` : ""}` +
      `${pooled ? `; эталон и положение в муниципалитете — по ${countRu(schools.length, ["форме", "формам", "формам"])} ОО` : ""}.`,
  );
  if (form.errors.length) {
    io.err(
      `В форме ${countRu(form.errors.length, ["ошибка", "ошибки", "ошибок"])} — проверьте её (msoko validate), числа отчёта могут быть неполными:`,
    );
    for (const e of form.errors.slice(0, 20)) io.err(`  ${e}`);
    return 1;
  }
  return 0;
}

/** The existing --out to rebuild; with --force a file that is not a readable book is replaced by a new one. */
async function rebuildOrReplace(out: string, force: boolean, limits: BookLimits): Promise<XlsxWorkbook> {
  try {
    return await loadForRebuild(out, limits);
  } catch (e) {
    if (!force) throw e;
    return XlsxWorkbook.create(out);
  }
}
