/**
 * What the «Управленческий цикл» page shows for the open workbook: the board, or the one reason
 * there is no board yet (no form, nothing in «Цикл», no reporting date). The year is the latest in
 * the «Цикл» data (the form keeps earlier years for history); the evaluation date is the
 * workbook's reporting date, never today's date, so the board and =MSOKO.ЦИКЛ agree. Pure.
 */
import {
  CYCLE_SHEET,
  evaluateCycle,
  isIsoDate,
  latestCycleYear,
  municipalCycleReport,
  type MunicipalCycleReport,
} from "../../core/cycle";
import type { CycleRecord, SchoolReport } from "../../core/model";
import type { Profile } from "../../core/profile";
import { boardModel, type BoardModel } from "./board-model";

export type CycleView =
  | { kind: "noReport" }
  | { kind: "noRecords" }
  | { kind: "noDate"; year: number }
  | { kind: "board"; year: number; model: BoardModel };

export function cycleView(report: SchoolReport | null, reportingDate: string | null, profile: Profile): CycleView {
  if (!report) return { kind: "noReport" };
  const year = latestCycleYear(report.cycle);
  if (year === null) return { kind: "noRecords" };
  if (!reportingDate || !isIsoDate(reportingDate)) return { kind: "noDate", year };
  return {
    kind: "board",
    year,
    model: boardModel(evaluateCycle(report.cycle, { year, evaluationDate: reportingDate, profile })),
  };
}

export const CYCLE_EMPTY_TEXT: Readonly<Record<Exclude<CycleView["kind"], "board">, string>> = {
  noReport: "Форму не удалось прочитать: исправьте ошибки на странице «Проверка».",
  noRecords: `В листе «${CYCLE_SHEET}» нет записей цикла: заполните по каждому треку девять компонентов с оценкой и документом.`,
  noDate: "Задайте отчётную дату книги: по ней этапы с прошедшим плановым сроком считаются просроченными.",
};

/**
 * The МОУО's own cycle on a municipal summary book (its «Цикл МОУО» sheet), evaluated with the
 * summary's core: the same board, plus the summary's per-track report (gaps, overdue steps, next
 * steps). As on the school's board, step 9 is taken as declared: its check against the results of
 * the following year needs all the forms and is done by the summary («Управленческий цикл»).
 */
export type MunicipalCycleView =
  | { kind: "noSheet" }
  | { kind: "noRecords"; sheet: string }
  | { kind: "noDate"; sheet: string; year: number }
  | { kind: "board"; sheet: string; year: number; model: BoardModel; report: MunicipalCycleReport };

export interface MunicipalCycleInputs {
  /** The book's «Цикл МОУО» sheet (or alias), null when absent. */
  sheet: string | null;
  records: readonly CycleRecord[];
  /** Cell and layout problems of the sheet, one Russian line each (sheet and cell named). */
  problems: readonly string[];
  reportingDate: string | null;
  profile: Profile;
}

export function municipalCycleView(i: MunicipalCycleInputs): MunicipalCycleView {
  if (!i.sheet) return { kind: "noSheet" };
  const year = latestCycleYear(i.records);
  if (year === null) return { kind: "noRecords", sheet: i.sheet };
  if (!i.reportingDate || !isIsoDate(i.reportingDate)) return { kind: "noDate", sheet: i.sheet, year };
  const evaluation = evaluateCycle(i.records, { year, evaluationDate: i.reportingDate, profile: i.profile });
  return {
    kind: "board",
    sheet: i.sheet,
    year,
    model: boardModel(evaluation),
    report: municipalCycleReport(evaluation),
  };
}

/** «Замкнуто направлений: 6 из 8; треков с разрывом: 1; просрочено этапов: 1.» */
export function municipalSummaryLine(r: MunicipalCycleReport): string {
  const parts = [
    `Замкнуто направлений: ${r.closedDirections} из ${r.directionsWithData}`,
    `треков с разрывом: ${r.gapCount}`,
    `просрочено этапов: ${r.overdueCount}`,
  ];
  if (r.noData.length) parts.push(`без данных: ${r.noData.join(", ")}`);
  return `${parts.join("; ")}.`;
}

/** «Направление 5, трек «Руководители»: этап 9 «…» — срок 20.11.2026», one per overdue component. */
export function municipalOverdueLines(r: MunicipalCycleReport): string[] {
  return r.tracks.flatMap((t) => t.overdue.map((o) => `Направление ${t.code}, трек «${t.track}»: ${o.text}`));
}

export const MUNICIPAL_CYCLE_EMPTY_TEXT = {
  noRecords: (sheet: string) =>
    `В листе «${sheet}» нет записей цикла: заполните по каждому направлению и треку девять этапов с оценкой и документом.`,
  noDate: CYCLE_EMPTY_TEXT.noDate,
} as const;
