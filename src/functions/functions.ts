/**
 * Custom functions of МСОКО for Excel (namespace MSOKO). This file is the metadata source:
 * custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends
 * CustomFunctions.associate calls; Russian names come from functions.ru.json at build time.
 * Each function is a thin wrapper: convert arguments, call the implementation, map errors.
 *
 * Convention: shares are percentages 0–100 (format the cell as 0.0" %"), dynamics are
 * percentage points.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
// First: the older webviews' missing built-ins must exist before any other module runs.
import "./polyfills";
import "./shim";
import { getProfile } from "./context";
import { guard } from "./guard";
import * as A from "./analysis";
import * as C from "./cycle";
import * as R from "./results";

/**
 * Success rate, %: share of marks 3, 4 and 5 among participants with a mark.
 * @customfunction SUCCESS
 * @param {any[][]} marks One row of counts (n5, n4, n3, n2 [, n1]) or one column of marks.
 * @returns {number} Success rate, percent 0-100.
 */
export function success(marks: any[][]): number {
  return guard(() => R.success(marks, getProfile()));
}

/**
 * Quality of knowledge, %: share of marks 4 and 5 among participants with a mark.
 * @customfunction QUALITY
 * @param {any[][]} marks One row of counts (n5, n4, n3, n2 [, n1]) or one column of marks.
 * @returns {number} Quality, percent 0-100.
 */
export function quality(marks: any[][]): number {
  return guard(() => R.quality(marks, getProfile()));
}

/**
 * Degree of learning (SOU, Simonov), %: weighted marks 100/64/36/16/7 over participants.
 * @customfunction SOU
 * @param {any[][]} marks One row of counts (n5, n4, n3, n2 [, n1]) or one column of marks.
 * @returns {number} SOU, percent 0-100.
 */
export function sou(marks: any[][]): number {
  return guard(() => R.sou(marks, getProfile()));
}

/**
 * Mean mark of participants with a mark.
 * @customfunction MEANMARK
 * @param {any[][]} marks One row of counts (n5, n4, n3, n2 [, n1]) or one column of marks.
 * @returns {number} Mean mark, 1-5.
 */
export function meanmark(marks: any[][]): number {
  return guard(() => R.meanMark(marks, getProfile()));
}

/**
 * Confirmation of journal marks, %: share of participants whose test mark equals (confirmed), is below (lowered) or above (raised) the journal mark, or differs by 2 or more (gap2).
 * @customfunction CONFIRM
 * @param {any[][]} testMarks Column of test marks, or one row of counts (lowered, confirmed, raised).
 * @param {any[][]} [journalMarks] Column of journal marks of the same participants (same rows).
 * @param {any} [mode] confirmed (default), lowered, raised or gap2.
 * @returns {number} Share, percent 0-100.
 */
export function confirm(testMarks: any[][], journalMarks?: any[][], mode?: any): number {
  return guard(() => R.confirm(testMarks, journalMarks, mode, getProfile()));
}

/**
 * Share of participants below the minimum threshold, %: mark 2 for VPR, OGE, GVE, KDR; score below the subject minimum of the year for EGE.
 * @customfunction BELOWMIN
 * @param {any} procedure Procedure: VPR, KDR, OGE, GVE-9, EGE, GVE-11 or NIKO (Russian spelling).
 * @param {any} subject Subject, e.g. Russian language.
 * @param {any} year Year of the procedure.
 * @param {any[][]} values Marks or counts; for EGE a range of scores.
 * @returns {number} Share, percent 0-100.
 */
export function belowmin(procedure: any, subject: any, year: any, values: any[][]): number {
  return guard(() => R.belowMin(procedure, subject, year, values, getProfile()));
}

/**
 * Dynamics in percentage points: current minus previous value, or, with an indicator, the indicator of two years of marks.
 * Formerly DELTA, a built-in Excel function name, which Microsoft's naming rules forbid (README: «Переименование»).
 * @customfunction DYNAMICS
 * @param {any[][]} current Current value, or marks/counts of the current year.
 * @param {any[][]} previous Previous value, or marks/counts of the previous year.
 * @param {any} [indicator] quality, success, sou, meanmark, share2 or share5.
 * @returns {number} Change in percentage points.
 */
export function dynamics(current: any[][], previous: any[][], indicator?: any): number {
  return guard(() => R.deltaOf(current, previous, indicator, getProfile()));
}

/**
 * Objectivity signs of a school in the latest year of a results table: their number, or with a mode their list (O1, O3).
 * @customfunction OBJECTIVITY
 * @param {any} school School login (or name) as in the table's school column.
 * @param {any[][]} table Results table with its header row (form's Results/Participants layout, or the summary's table).
 * @param {any} [mode] count (default) or list.
 * @returns {any} Number of signs or their list.
 */
export function objectivity(school: any, table: any[][], mode?: any): any {
  return guard(() => A.objectivity(school, table, mode, getProfile()));
}

/**
 * Risk of low results of a school in the latest year of a results table: level, or with a mode the score, the fired factors or the groups (SHNOR, SHNSU).
 * @customfunction RISK
 * @param {any} school School login (or name) as in the table's school column.
 * @param {any[][]} table Results table with its header row.
 * @param {any} [mode] level (default), score, factors or groups.
 * @returns {any} Level, score 0-100, factors or groups.
 */
export function risk(school: any, table: any[][], mode?: any): any {
  return guard(() => A.risk(school, table, mode, getProfile()));
}

/**
 * Stably high or stably low results of a school over the profile's window of years (empty text otherwise).
 * @customfunction STABLE
 * @param {any} school School login (or name) as in the table's school column.
 * @param {any[][]} table Results table with its header row, several years.
 * @returns {string} Stability status or empty text.
 */
export function stable(school: any, table: any[][]): string {
  return guard(() => A.stable(school, table, getProfile()));
}

/**
 * One Russian sentence explaining an indicator of a school: the numbers, the rule, the threshold and the provenance.
 * @customfunction EXPLAIN
 * @param {any} school School login (or name) as in the table's school column.
 * @param {any} indicator O1-O6, F, R1-R6, objectivity, risk, stable, absence or cluster.
 * @param {any[][]} table Results table with its header row.
 * @returns {string} Explanation.
 */
export function explain(school: any, indicator: any, table: any[][]): string {
  return guard(() => A.explainIndicator(school, indicator, table, getProfile()));
}

/**
 * Management cycle of a direction over the Cycle range (header row included): status, or with a mode the score, level, overdue count or next step.
 * @customfunction CYCLE
 * @param {any} direction Direction: 1-8, O (objectivity) or the beginning of its name.
 * @param {any[][]} range The Cycle table with its header row.
 * @param {any} [mode] status (default), score, level, overdue, step or findings (the findings the direction's rows cite).
 * @param {any} [evaluationDate] Evaluation date; default: the workbook's reporting date.
 * @returns {any} Status text, score percent, level, overdue count or next step.
 */
export function cycle(direction: any, range: any[][], mode?: any, evaluationDate?: any): any {
  return guard(() => C.cycle(direction, range, mode, evaluationDate, getProfile()));
}

/**
 * Whether the Cycle range answers a finding of the analysis (e.g. "O2 ВПР 2026 5 математика", "ШНОР 2026") at the required steps.
 * @customfunction CYCLERESPONSE
 * @param {any} finding Reference to the finding: code, year and optionally procedure, grade, subject.
 * @param {any[][]} range The Cycle table with its header row.
 * @param {any} [mode] answer (default) or steps.
 * @returns {any} "да", or "нет: …" with the steps lacking an answer; in steps mode the step numbers.
 */
export function cycleResponse(finding: any, range: any[][], mode?: any): any {
  return guard(() => C.cycleResponse(finding, range, mode, getProfile()));
}
