/**
 * Minimum-threshold dynamics (§3, Taimyr §9.2): for ОГЭ and ЕГЭ, the share below the minimum
 * per subject per year and its change in п.п. from the previous year. Reported beside the signs,
 * because a sudden drop in failures is itself worth a look. Grades are pooled per subject
 * (ОГЭ is grade 9, ЕГЭ grade 11).
 */
import type { Procedure } from "../model";
import type { UnitStats } from "../context/units";
import { compareText } from "../context/text-order";

export interface MinThresholdRow {
  procedure: Procedure;
  subject: string;
  year: number;
  n: number;
  below: number;
  /** Share below the minimum, %; null without a denominator. */
  share: number | null;
  /** Change from the previous year, п.п.; null when that year has no data. */
  delta: number | null;
}

export function minThresholdDynamics(units: Iterable<UnitStats>): MinThresholdRow[] {
  const acc = new Map<string, MinThresholdRow>();
  for (const u of units) {
    if ((u.procedure !== "ОГЭ" && u.procedure !== "ЕГЭ") || !u.below) continue;
    const key = `${u.procedure}|${u.subject}|${u.year}`;
    const row = acc.get(key) ?? {
      procedure: u.procedure,
      subject: u.subject,
      year: u.year,
      n: 0,
      below: 0,
      share: null,
      delta: null,
    };
    row.n += u.below.n;
    row.below += u.below.count;
    acc.set(key, row);
  }
  if (acc.size === 0) return []; // no ОГЭ/ЕГЭ (every school of a ВПР protocol): nothing more to build
  for (const row of acc.values()) row.share = row.n > 0 ? (row.below * 100) / row.n : null;
  for (const row of acc.values()) {
    const prev = acc.get(`${row.procedure}|${row.subject}|${row.year - 1}`);
    if (prev && prev.share !== null && row.share !== null) row.delta = Math.round((row.share - prev.share) * 1e9) / 1e9;
  }
  return [...acc.values()].sort(
    (a, b) => compareText(a.procedure, b.procedure) || compareText(a.subject, b.subject) || a.year - b.year,
  );
}
