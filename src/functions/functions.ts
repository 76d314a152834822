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
import "./shim";
import { getProfile } from "./context";
import { guard } from "./guard";
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
 * @customfunction DELTA
 * @param {any[][]} current Current value, or marks/counts of the current year.
 * @param {any[][]} previous Previous value, or marks/counts of the previous year.
 * @param {any} [indicator] quality, success, sou, meanmark, share2 or share5.
 * @returns {number} Change in percentage points.
 */
export function delta(current: any[][], previous: any[][], indicator?: any): number {
  return guard(() => R.deltaOf(current, previous, indicator, getProfile()));
}
