/**
 * Percentages vs counts in exports. A school's counts are recovered from its percentages by
 * rounding N·p/100 — exact when the percentages carry enough decimals, which is checked; a
 * reference row (municipality, region) keeps N·p/100 unrounded so that indicators computed from
 * it equal the published percentages.
 */
import { formatNumberRu } from "../../core/values";
import type { SheetScan } from "../sheet";
import { norm, quote } from "../text";

export type ValueKind = "percent" | "count" | "unknown";

/**
 * Published percentages are rounded, so they add up to 100 only approximately: four values
 * rounded to whole percents can be off by 2 in the worst case, to tenths by 0.2.
 */
export const PERCENT_SUM_TOLERANCE = 2;

/**
 * A count recovered from a percentage must lie this close to a whole number; farther means the
 * percentages were rounded too coarsely to know the counts (or do not belong to this N).
 */
export const COUNT_RECOVERY_TOLERANCE = 0.25;

export function valueKindOf(headerText: string): ValueKind {
  const t = norm(headerText);
  if (/%|доля|процент/.test(t)) return "percent";
  if (/кол-?во|количеств|чел|число/.test(t)) return "count";
  return "unknown";
}

/** N·p/100 per value; rounded and checked for school rows, unrounded for references. */
export function countsFromPercent(scan: SheetScan, r: number, label: string, n: number, percents: number[], reference: boolean): number[] | null {
  const raw = percents.map((p) => (p * n) / 100);
  if (reference) return raw;
  const rounded = raw.map(Math.round);
  const worst = raw.reduce((w, x, i) => Math.max(w, Math.abs(x - rounded[i])), 0);
  const sum = rounded.reduce((a, b) => a + b, 0);
  if (worst > COUNT_RECOVERY_TOLERANCE || sum !== n) {
    scan.error(
      "fisoko.percent",
      r,
      0,
      `проценты в строке ${quote(label)} (${percents.map((p) => formatNumberRu(p)).join("; ")}) не переводятся в целые количества при ${n} участниках; выгрузите отчёт с количествами или с процентами до сотых.`,
    );
    return null;
  }
  return rounded;
}
