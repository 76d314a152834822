/**
 * The school's analytical report (ВСОКО) as data: the analysis sheets of one procedure and year
 * (individual results, statistics of marks, journal marks, raw scores, tasks, mark groups, the
 * regulation's complex analyses) and «Выводы и решения». Pure; the same sheets are rendered by
 * src/school/write.ts in the pane and in the CLI. Participants are codes, the smallest unit is a
 * class, teachers are never named or ranked.
 */
import { canonical } from "../../core/context/units";
import type { SchoolReport } from "../../core/model";
import type { SummarySheet } from "../../summary/model/sheets";
import { complexPart } from "./complex-tables";
import { buildReportContext, type SchoolReportOptions } from "./context";
import { cycleTables } from "./cycle";
import { decisionsTables } from "./decisions";
import { FINDING_ORDER, type AnalysisPart, type SchoolFinding } from "./findings";
import { literacyTable, ovzTable } from "../../summary/model/literacy-table";
import type { Table } from "../../summary/model/table";
import { internalPart } from "./internal-tables";
import { individualPart, journalPart, statisticsPart } from "./results-tables";
import { markGroupsPart, scoresPart, tasksPart } from "./tasks-tables";

export type { SchoolReportOptions } from "./context";
export type { SchoolFinding } from "./findings";

/** Sheet names: all start with «Анализ», none clashes with the form's or the summary's sheets. */
export const SCHOOL_SHEET_NAMES = {
  individual: "Анализ ОО — участники",
  marks: "Анализ ОО — отметки",
  journal: "Анализ ОО — журнал",
  scores: "Анализ ОО — баллы",
  tasks: "Анализ ОО — задания",
  groups: "Анализ ОО — группы",
  complex: "Анализ ОО — комплексный",
  decisions: "Анализ ОО — выводы и решения",
} as const;

/** Only when the form has functional literacy of the year or ОВЗ marks in the tests analysed. */
export const SCHOOL_LITERACY_SHEET = "Анализ ОО — ФГ и ОВЗ";

/** Only when the form has the school's own assessments of the year: kept apart so the fixed list above stays fixed. */
export const SCHOOL_INTERNAL_SHEET = "Анализ ОО — внутренняя оценка";

export interface SchoolAnalysisReport {
  sheets: SummarySheet[];
  findings: SchoolFinding[];
  /** The tests analysed, «ВПР 2026, 5 класс, математика». */
  tests: { procedure: string; year: number; grade: number; subject: string }[];
  profileVersion: string;
}

function sheet(
  id: keyof typeof SCHOOL_SHEET_NAMES,
  description: string,
  part: AnalysisPart,
  freezeColumns = 0,
): SummarySheet {
  return {
    id: `school_${id}`,
    name: SCHOOL_SHEET_NAMES[id],
    description,
    tables: part.tables,
    charts: part.charts,
    freezeColumns,
  };
}

/** The school's functional literacy of the report's year and its ОВЗ participants of the tests analysed. */
function literacyOvzPart(
  report: SchoolReport,
  tests: readonly { participants: SchoolReport["participants"] }[],
  opts: SchoolReportOptions,
): Table[] {
  const unit = report.passport.shortName || report.passport.name;
  const tables: Table[] = [];
  const lit = (report.literacy ?? []).filter((r) => r.year === opts.year);
  if (lit.length)
    tables.push(
      literacyTable(
        [{ level: "ОО", unit, login: report.passport.login, rows: lit }],
        `Функциональная грамотность, ${opts.year}`,
      ),
    );
  const participants = tests.flatMap((t) => t.participants);
  if (participants.some((p) => p.ovz))
    tables.push(
      ovzTable(
        [{ level: "ОО", unit, login: report.passport.login, rows: participants }],
        opts.profile,
        `Результаты обучающихся с ОВЗ: ${opts.procedure} ${opts.year}`,
      ),
    );
  return tables;
}

export function schoolReport(report: SchoolReport, opts: SchoolReportOptions): SchoolAnalysisReport {
  const ctx = buildReportContext(report, opts);
  const parts = {
    individual: individualPart(ctx),
    marks: statisticsPart(ctx),
    journal: journalPart(ctx),
    scores: scoresPart(ctx),
    tasks: tasksPart(ctx),
    groups: markGroupsPart(ctx),
    complex: complexPart(ctx),
  };
  const sheets: SummarySheet[] = [
    sheet(
      "individual",
      "Индивидуальные результаты по классам (только коды участников), доли баллов заданий Б и П/В.",
      parts.individual,
      2,
    ),
    sheet(
      "marks",
      "Статистика отметок по классам с эталонами муниципалитета и региона; динамика доли «2».",
      parts.marks,
    ),
    sheet("journal", "Сравнение с отметками по журналу; участники с расхождением на 2 отметки и более.", parts.journal),
    sheet("scores", "Распределение первичных баллов, границы отметок и пики на границах.", parts.scores),
    sheet("tasks", "Выполнение заданий с уровнями достаточности; дефициты по умениям.", parts.tasks),
    sheet("groups", "Выполнение заданий группами участников с отметками «2», «3», «4», «5».", parts.groups),
    sheet(
      "complex",
      "Объективность (все признаки методики), положение ОО в муниципалитете и комплексный анализ по направлениям ВСОКО.",
      parts.complex,
    ),
  ];
  // The school's own assessments of the year (quarters, half-years, промежуточная аттестация), when the form has them.
  const internal = internalPart(report, opts.year, opts.profile);
  if (internal)
    sheets.push({
      id: "school_internal",
      name: SCHOOL_INTERNAL_SHEET,
      description:
        "Итоги четвертей, полугодий и промежуточной аттестации по периодам; сравнение с ВПР, ОГЭ того же класса и предмета.",
      tables: internal.tables,
      freezeColumns: 0,
    });
  const literacyOvz = literacyOvzPart(report, ctx.tests, opts);
  if (literacyOvz.length)
    sheets.push({
      id: "school_literacy",
      name: SCHOOL_LITERACY_SHEET,
      description:
        "Функциональная грамотность по классам и направлениям; результаты обучающихся с ОВЗ отдельно (при достаточном числе участников).",
      tables: literacyOvz,
      freezeColumns: 0,
    });
  const findings = [
    parts.journal,
    parts.scores,
    parts.complex,
    parts.marks,
    parts.tasks,
    ...(internal ? [internal] : []),
  ]
    .flatMap((p) => p.findings)
    .sort((a, b) => FINDING_ORDER.indexOf(a.rule) - FINDING_ORDER.indexOf(b.rule));
  const decisions = decisionsTables(ctx, findings, { sheetNames: sheets.map((s) => s.name) });
  sheets.push({
    id: "school_decisions",
    name: SCHOOL_SHEET_NAMES.decisions,
    description:
      "Этапы интерпретации и решения по выявленным дефицитам и признакам; управленческий цикл ОО и его ответ на выводы анализа.",
    // The cycle closes the loop of the decisions: its steps 6–8 must answer this report's findings.
    tables: [...decisions, ...cycleTables(ctx)],
  });
  return {
    sheets,
    findings,
    tests: ctx.tests.map((t) => ({ procedure: t.procedure, year: t.year, grade: t.grade, subject: t.subject })),
    profileVersion: opts.profile.version,
  };
}

/** What the form holds for the pane's choices: procedures → years → grades and subjects. */
export interface ReportChoices {
  procedure: string;
  year: number;
  grades: number[];
  subjects: string[];
}

export function reportChoices(report: SchoolReport): ReportChoices[] {
  const map = new Map<string, ReportChoices>();
  const addRow = (procedure: string, year: number, grade: number, subject: string) => {
    const k = `${procedure}|${year}`;
    const c = map.get(k) ?? map.set(k, { procedure, year, grades: [], subjects: [] }).get(k)!;
    if (!c.grades.includes(grade)) c.grades.push(grade);
    const canon = canonical(subject);
    if (!c.subjects.includes(canon)) c.subjects.push(canon);
  };
  for (const r of report.participants) addRow(r.procedure, r.year, r.grade, r.subject);
  for (const r of report.results) addRow(r.procedure, r.year, r.grade, r.subject);
  return [...map.values()]
    .map((c) => ({
      ...c,
      grades: c.grades.sort((a, b) => a - b),
      subjects: c.subjects.sort((a, b) => a.localeCompare(b, "ru")),
    }))
    .sort((a, b) => b.year - a.year || a.procedure.localeCompare(b.procedure, "ru"));
}
