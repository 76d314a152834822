/**
 * What the «Управленческий цикл» page shows for the open workbook: the board, or the one reason
 * there is no board yet (no form, nothing in «Цикл», no reporting date). The year is the latest in
 * the «Цикл» data (the form keeps earlier years for history); the evaluation date is the
 * workbook's reporting date, never today's date, so the board and =MSOKO.ЦИКЛ agree. Pure.
 */
import { CYCLE_SHEET, evaluateCycle, isIsoDate, latestCycleYear } from "../../core/cycle";
import type { SchoolReport } from "../../core/model";
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
