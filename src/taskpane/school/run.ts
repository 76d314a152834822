/**
 * What the «Анализ ОО» page does, without React: read the school form from the workbook port,
 * list what it holds (procedures, years, grades, subjects), and build + write the analysis sheets
 * with progress and cancellation. Pure enough to be unit-tested on the memory workbook.
 */
import type { Finding, Procedure, SchoolReport } from "../../core/model";
import {
  reportChoices,
  schoolReport,
  SCHOOL_SHEET_NAMES,
  type ReportChoices,
  type SchoolAnalysisReport,
} from "../../school/model/report";
import { parseForm } from "../../form/parse";
import { GENERATED_TEMP_PREFIX_RE } from "./names";
import type { WorkbookPort } from "../../host/port";
import { loadProfile, readSettings, reportDate } from "../../host/settings";
import { writeSchoolReport } from "../../school/write";
import type { WriteGeneratedResult } from "../../host/generated";

export interface LoadedForm {
  report: SchoolReport | null;
  findings: Finding[];
  choices: ReportChoices[];
}

const OWN_SHEETS = new Set<string>(Object.values(SCHOOL_SHEET_NAMES).map((n) => n.toLocaleUpperCase("ru")));

/** Reads the form's sheets (not the analysis sheets of an earlier run) and parses them. */
export async function loadSchoolForm(port: WorkbookPort, fileName = ""): Promise<LoadedForm> {
  const names = (await port.listSheets())
    .map((s) => s.name)
    .filter((n) => !OWN_SHEETS.has(n.toLocaleUpperCase("ru")) && !GENERATED_TEMP_PREFIX_RE.test(n));
  const sheets = await port.readSheets(names);
  const { report, findings } = parseForm(sheets, fileName ? { file: fileName } : {});
  return { report, findings, choices: report ? reportChoices(report) : [] };
}

export interface AnalysisSelection {
  procedure: Procedure;
  year: number;
  grades: number[];
  subjects: string[];
}

export interface GenerateResult {
  built: SchoolAnalysisReport;
  written: WriteGeneratedResult;
}

/** Builds the report with the workbook's methodology overrides and writes its sheets. */
export async function generateSchoolAnalysis(
  port: WorkbookPort,
  report: SchoolReport,
  sel: AnalysisSelection,
  progress: (done: number, total: number, label: string) => void,
  signal: AbortSignal,
): Promise<GenerateResult> {
  const { profile } = await loadProfile(port);
  // The cycle section uses the book's reporting date, as the «Цикл» board and =MSOKO.ЦИКЛ do.
  const cycleDate = reportDate(await readSettings(port));
  signal.throwIfAborted();
  const built = schoolReport(report, {
    year: sel.year,
    procedure: sel.procedure,
    grades: sel.grades,
    subjects: sel.subjects,
    profile,
    ...(cycleDate ? { cycleEvaluationDate: cycleDate } : {}),
  });
  if (!built.tests.length)
    throw new Error(`В форме нет результатов ${sel.procedure} ${sel.year} по выбранным классам и предметам.`);
  const written = await writeSchoolReport(port, built, {
    signal,
    onProgress: (done, total, sheet) => progress(done, total, `Лист ${done} из ${total}: ${sheet}`),
  });
  return { built, written };
}

/** «Построено 8 листов анализа ВПР 2026: 19 работ, выводов для решений — 5.» */
export function doneMessage(r: GenerateResult, sel: AnalysisSelection): string {
  const notices = r.written.notices.length ? ` ${r.written.notices.join(" ")}` : "";
  return `Построено листов анализа ${sel.procedure} ${sel.year}: ${r.written.sheets.length}; работ: ${r.built.tests.length}; выводов для решений: ${r.built.findings.length} (лист «${SCHOOL_SHEET_NAMES.decisions}»).${notices}`;
}
